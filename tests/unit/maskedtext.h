#pragma once

#include "jsonprettyprinter.h"
#include "secretmasker.h"

#include <gtest/gtest.h>

#include <QByteArray>
#include <QString>

#include <ostream>

// Lets GoogleTest print QString values in failure messages.
inline void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}

// For the masking tests: `json` masked through the UTF-16 and the UTF-8 entry points,
// checking that they agree with each other and with countMasked, and that valid JSON
// stays valid.
inline QString masked(const QString &json, int *count = nullptr,
    const SecretMasker &masker = SecretMasker(MaskingRules::defaults()))
{
    int fromText = -1;
    const QString text = masker.mask(json, &fromText);
    int fromBytes = -1;
    const QByteArray bytes = masker.maskUtf8(json.toUtf8(), &fromBytes);
    EXPECT_EQ(QString::fromUtf8(bytes), text);
    EXPECT_EQ(fromBytes, fromText);
    EXPECT_EQ(masker.countMasked(json), fromText);
    if (JsonPrettyPrinter().format(QStringView(json)).ok) {
        EXPECT_TRUE(JsonPrettyPrinter().format(QStringView(text)).ok) << text.toStdString();
    }
    if (count) {
        *count = fromText;
    }
    return text;
}
