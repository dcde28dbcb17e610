#include "audittablemodel.h"
#include "connectiondialog.h"
#include "filterbar.h"
#include "mainwindow.h"
#include "paginationbar.h"
#include "resultsview.h"
#include "viewercli.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QTranslator>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <memory>

namespace {

// One message of a .ts file: its source and every form of its translation.
struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; // the translation's type attribute: empty when finished
    QStringList translations; // one, or one per numerus form
};

std::vector<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    std::vector<TsMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            TsMessage message;
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    message.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    message.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (message.numerus) {
                        while (xml.readNextStartElement()) {
                            message.translations.append(xml.readElementText());
                        }
                    } else {
                        message.translations.append(xml.readElementText());
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages.push_back(message);
        }
    }
    if (xml.hasError()) {
        *error = xml.errorString();
    }
    return messages;
}

// %1…%99 and %n; a translation may ask for the locale's digits (%L1, %Ln) where the
// source does not.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        found.append(QLatin1Char('%') + it.next().captured(1));
    }
    found.sort();
    return found;
}

// The keyboard accelerator of a label or menu text ("&File" -> 'f'), or a null QChar.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) != QLatin1Char('&')) {
                return text.at(i + 1).toLower();
            }
            ++i;
        }
    }
    return {};
}

// Installs the German catalogue embedded in the test binary (built from the same .ts as
// the application's) for the lifetime of the object.
class GermanTranslator
{
public:
    GermanTranslator()
    {
        m_loaded = m_translator.load(QLocale(QLocale::German, QLocale::Germany),
            QStringLiteral("audit-viewer"), QStringLiteral("_"), QStringLiteral(":/i18n"));
        if (m_loaded) {
            QCoreApplication::installTranslator(&m_translator);
        }
    }
    ~GermanTranslator() { QCoreApplication::removeTranslator(&m_translator); }
    bool isLoaded() const { return m_loaded; }

private:
    QTranslator m_translator;
    bool m_loaded = false;
};

QProcessEnvironment localeEnvironment(const QString &locale)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("LC_ALL"), locale);
    env.insert(QStringLiteral("LANG"), locale);
    env.insert(QStringLiteral("LANGUAGE"), QString());
    return env;
}

} // namespace

TEST(Translations, EveryGermanMessageIsTranslatedWithTheSourcesPlaceholders)
{
    QString error;
    const std::vector<TsMessage> messages = readTs(QStringLiteral(AUDIT_VIEWER_TS_FILE), &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    ASSERT_GT(messages.size(), 100u) << "the .ts file has hardly any messages";
    for (const TsMessage &message : messages) {
        const std::string where
            = (message.context + QStringLiteral(": \"") + message.source + QLatin1Char('"'))
                  .toStdString();
        EXPECT_TRUE(message.type.isEmpty()) << where << " is marked " << message.type.toStdString();
        // German has two plural forms: one, and the rest.
        EXPECT_EQ(message.translations.size(), message.numerus ? 2 : 1) << where;
        for (const QString &translation : message.translations) {
            EXPECT_FALSE(translation.trimmed().isEmpty()) << where << " has an empty translation";
            EXPECT_EQ(placeholders(translation).join(QLatin1Char(' ')).toStdString(),
                placeholders(message.source).join(QLatin1Char(' ')).toStdString())
                << where << " is translated as \"" << translation.toStdString() << '"';
            EXPECT_EQ(mnemonic(translation).isNull(), mnemonic(message.source).isNull())
                << where << " gains or loses its accelerator in \"" << translation.toStdString()
                << '"';
        }
    }
}

TEST(Translations, EveryCountOfThingsIsAPluralMessage)
{
    // "%1 values hidden" has one form for every count (verbs and "ms" are no plural nouns); tr()'s
    // count (%n, or %1 with the count given) lets a catalogue choose among its language's plural
    // forms.
    static const QRegularExpression counted(
        QStringLiteral("%L?\\d+ (?!is\\b|has\\b|does\\b|was\\b|ms\\b)[a-z]+s\\b"));
    QString error;
    const std::vector<TsMessage> messages = readTs(QStringLiteral(AUDIT_VIEWER_TS_FILE), &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    int plural = 0;
    for (const TsMessage &message : messages) {
        plural += message.numerus ? 1 : 0;
        EXPECT_TRUE(message.numerus || !counted.match(message.source).hasMatch())
            << message.context.toStdString() << ": \"" << message.source.toStdString()
            << "\" counts without a plural form";
    }
    EXPECT_GT(plural, 20);
}

TEST(Translations, MainWindowSpeaksGermanWithTheGermanCatalogue)
{
    const GermanTranslator german;
    ASSERT_TRUE(german.isLoaded()) << "no German catalogue under :/i18n";
    MainWindow window;

    QStringList titles;
    for (const QAction *action : window.menuBar()->actions()) {
        titles.append(action->text());
    }
    EXPECT_EQ(
        titles.join(QLatin1Char('|')).toStdString(), "&Datei|&Ansicht|An&sichten|&Gehe zu|&Hilfe");

    // Each menu's accelerators stay unique in German.
    QSet<QChar> menuKeys;
    for (const QAction *menuAction : window.menuBar()->actions()) {
        EXPECT_FALSE(menuKeys.contains(mnemonic(menuAction->text())));
        menuKeys.insert(mnemonic(menuAction->text()));
        QSet<QChar> keys;
        for (const QAction *action : menuAction->menu()->actions()) {
            const QChar key = mnemonic(action->text());
            if (!key.isNull()) {
                EXPECT_FALSE(keys.contains(key)) << action->text().toStdString();
                keys.insert(key);
            }
        }
    }

    const auto *apply = window.filterBar()->findChild<QPushButton *>(QStringLiteral("applyButton"));
    ASSERT_NE(apply, nullptr);
    EXPECT_EQ(apply->text().toStdString(), "Anwenden");
    const QAbstractItemModel *model = window.resultsView()->model();
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(
        model->headerData(AuditTableModel::ActionColumn, Qt::Horizontal).toString().toStdString(),
        "Aktion");
    EXPECT_EQ(
        model->headerData(AuditTableModel::DurationColumn, Qt::Horizontal).toString().toStdString(),
        "Dauer");

    window.paginationBar()->setPosition(0, 100, 1234, false);
    EXPECT_TRUE(
        window.paginationBar()->positionText().startsWith(QStringLiteral("Zeilen 1–100 von")))
        << window.paginationBar()->positionText().toStdString();
}

TEST(Translations, ConnectionDialogSpeaksGermanWithUniqueAccelerators)
{
    const GermanTranslator german;
    ASSERT_TRUE(german.isLoaded());
    ConnectionDialog dialog;
    EXPECT_EQ(dialog.windowTitle().toStdString(), "Mit einer Audit-Datenbank verbinden");
    const auto *connect = dialog.findChild<QPushButton *>(QStringLiteral("connectButton"));
    ASSERT_NE(connect, nullptr);
    EXPECT_EQ(connect->text().toStdString(), "Verbi&nden");

    QSet<QChar> keys;
    QStringList texts;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        texts.append(label->text());
    }
    for (const QAbstractButton *button : dialog.findChildren<QAbstractButton *>()) {
        texts.append(button->text());
    }
    for (const QString &text : std::as_const(texts)) {
        const QChar key = mnemonic(text);
        if (!key.isNull()) {
            EXPECT_FALSE(keys.contains(key)) << text.toStdString() << " repeats an accelerator";
            keys.insert(key);
        }
    }
    EXPECT_GE(keys.size(), 10);
}

TEST(Translations, CommandLineFollowsTheSystemLocale)
{
    const ViewerCliRun german = runViewerCli(
        { QStringLiteral("--help") }, localeEnvironment(QStringLiteral("de_DE.UTF-8")));
    EXPECT_EQ(german.exitCode, 0);
    EXPECT_TRUE(german.out.startsWith(QStringLiteral("Aufruf: audit-viewer")))
        << german.out.toStdString();

    const ViewerCliRun germanError
        = runViewerCli({ QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("0") },
            localeEnvironment(QStringLiteral("de_DE.UTF-8")));
    EXPECT_EQ(germanError.exitCode, 1);
    EXPECT_TRUE(germanError.err.contains(QStringLiteral("--limit erwartet eine positive Zahl.")))
        << germanError.err.toStdString();
    EXPECT_TRUE(germanError.err.contains(QStringLiteral("„audit-viewer --help“")))
        << germanError.err.toStdString();
    // The filter options are read by the saved views' code: their messages are German too.
    const ViewerCliRun germanFilter = runViewerCli(
        { QStringLiteral("list"), QStringLiteral("--since"), QStringLiteral("gestern") },
        localeEnvironment(QStringLiteral("de_DE.UTF-8")));
    EXPECT_EQ(germanFilter.exitCode, 1);
    EXPECT_TRUE(germanFilter.err.contains(QStringLiteral("--since erwartet eine ISO-8601-Zeit")))
        << germanFilter.err.toStdString();

    const ViewerCliRun english
        = runViewerCli({ QStringLiteral("--help") }, localeEnvironment(QStringLiteral("C.UTF-8")));
    EXPECT_EQ(english.exitCode, 0);
    EXPECT_TRUE(english.out.startsWith(QStringLiteral("Usage: audit-viewer")))
        << english.out.toStdString();
}
