#include "comparedialog.h"
#include "connectiondialog.h"
#include "darkpalette.h"
#include "entrydetaildialog.h"
#include "errorbanner.h"
#include "jsonhighlighter.h"
#include "jsonpane.h"
#include "jsontextview.h"
#include "maskingrulesdialog.h"
#include "theme.h"

#include <QApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeView>

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <vector>

// Lets GoogleTest print colours in failure messages.
inline void PrintTo(const QColor &colour, std::ostream *out)
{
    *out << colour.name(QColor::HexArgb).toStdString();
}

namespace {

// The desktop's palette for the lifetime of the object: widgets made meanwhile start with it,
// as they do under a dark desktop theme.
class DesktopPalette
{
public:
    explicit DesktopPalette(const QPalette &palette)
        : m_saved(QApplication::palette())
    {
        QApplication::setPalette(palette);
    }
    ~DesktopPalette() { QApplication::setPalette(m_saved); }
    DesktopPalette(const DesktopPalette &) = delete;
    DesktopPalette &operator=(const DesktopPalette &) = delete;

private:
    QPalette m_saved;
};

const QString requestA = QStringLiteral(R"({"query": "launch", "budget": "mid", "limit": 10})");
const QString requestB = QStringLiteral(R"({"query": "checklist", "budget": "mid", "next": null})");

AuditEntryDetail entry(const QString &id, const QString &transport, const QString &request)
{
    AuditEntryDetail detail;
    detail.entry.id = id;
    detail.entry.action = QStringLiteral("recall");
    detail.entry.transport = transport;
    detail.entry.bankId = QStringLiteral("team-alpha");
    detail.entry.startedAt = AuditTimestamp::fromUsecsSinceEpoch(1774606530123456);
    detail.entry.endedAt = AuditTimestamp::fromUsecsSinceEpoch(1774606530135801);
    detail.entry.hasResponse = true;
    detail.request = request;
    detail.response = QStringLiteral(R"({"results": [], "truncated": false})");
    detail.metadata = QStringLiteral("{}");
    return detail;
}

AuditEntryDetail left()
{
    return entry(
        QStringLiteral("0b4c7d3e-5a61-4f0e-9c2a-7e1d2f3a4b5c"), QStringLiteral("http"), requestA);
}

AuditEntryDetail right()
{
    return entry(
        QStringLiteral("7e2a9c41-0d3b-4b8e-a5f6-1c2d3e4f5a6b"), QStringLiteral("mcp"), requestB);
}

// Every colour the theme has for `palette`, and the badges of the values these tests show.
QSet<QRgb> themeColours(const QPalette &palette)
{
    const bool dark = Theme::isDark(palette, QPalette::Base);
    const Theme::JsonColors json = Theme::jsonColors(dark);
    QSet<QRgb> colours { Theme::errorText(palette).rgb(), Theme::noticeText(palette).rgb(),
        Theme::bannerBackground(palette).rgb(), Theme::bannerText(palette).rgb(),
        Theme::invalidInput().rgb(), Theme::noMatchBase(palette).rgb(),
        Theme::findMatchBackground(palette).rgb(), Theme::onBadge().rgb(), json.key.rgb(),
        json.string.rgb(), json.number.rgb(), json.literal.rgb(), json.punctuation.rgb(),
        json.masked.rgb(), json.shortened.rgb(), json.shortenedBackground.rgb() };
    for (const char *value : { "http", "mcp", "system", "ok", "failed", "running" }) {
        colours.insert(Theme::badge(QLatin1String(value)).rgb());
    }
    for (Theme::Diff kind : { Theme::Diff::Changed, Theme::Diff::Added, Theme::Diff::Removed }) {
        colours.insert(Theme::diffMark(kind).rgb());
        colours.insert(Theme::diffTint(kind, palette).rgb());
    }
    for (int i = 0; i < 5; ++i) {
        colours.insert(Theme::series(i).rgb());
    }
    return colours;
}

// Colours of `palette` itself: a widget may move them between roles or make them fainter.
QSet<QRgb> paletteColours(const QPalette &palette)
{
    QSet<QRgb> colours;
    for (int group = 0; group < QPalette::NColorGroups; ++group) {
        for (int role = 0; role < QPalette::NColorRoles; ++role) {
            colours.insert(palette
                               .color(static_cast<QPalette::ColorGroup>(group),
                                   static_cast<QPalette::ColorRole>(role))
                               .rgb());
        }
    }
    return colours;
}

struct ChosenColour
{
    QString where;
    QColor colour;
};

// The colours `top` and its children chose themselves: palette colours that are not the
// desktop's, and colours named in style sheets.
std::vector<ChosenColour> chosenColours(QWidget *top)
{
    const QSet<QRgb> desktop = paletteColours(QApplication::palette());
    static const QRegularExpression named(QStringLiteral("#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?\\b"));
    std::vector<ChosenColour> chosen;
    QList<QWidget *> widgets = top->findChildren<QWidget *>();
    widgets.prepend(top);
    for (QWidget *widget : std::as_const(widgets)) {
        const QString name = QString::fromLatin1(widget->metaObject()->className())
            + QLatin1Char(' ') + widget->objectName();
        for (QPalette::ColorRole role : { QPalette::Window, QPalette::WindowText, QPalette::Base,
                 QPalette::Text, QPalette::Button, QPalette::ButtonText }) {
            const QColor colour = widget->palette().color(QPalette::Active, role);
            if (!desktop.contains(colour.rgb())) {
                chosen.push_back({ name + QStringLiteral(" palette role %1").arg(role), colour });
            }
        }
        QRegularExpressionMatchIterator it = named.globalMatch(widget->styleSheet());
        while (it.hasNext()) {
            const QString text = it.next().captured();
            chosen.push_back({ name + QStringLiteral(" style sheet ") + text, QColor(text) });
        }
    }
    return chosen;
}

// The windows that set colours of their own, in the states that show them.
std::vector<std::unique_ptr<QWidget>> coloredWindows()
{
    std::vector<std::unique_ptr<QWidget>> windows;
    auto detail = std::make_unique<EntryDetailDialog>();
    detail->setEntry(left());
    detail->showError(QStringLiteral("The entry could not be read: connection lost."));
    windows.push_back(std::move(detail));
    windows.push_back(std::make_unique<CompareDialog>(left(), right()));
    windows.push_back(std::make_unique<ErrorBanner>());
    windows.push_back(std::make_unique<MaskingRulesDialog>());
    windows.push_back(std::make_unique<ConnectionDialog>());
    return windows;
}

void expectOnlyThemeColours(const QPalette &palette)
{
    const DesktopPalette desktop(palette);
    const QSet<QRgb> theme = themeColours(QApplication::palette());
    int chosen = 0;
    for (const std::unique_ptr<QWidget> &window : coloredWindows()) {
        for (const ChosenColour &colour : chosenColours(window.get())) {
            ++chosen;
            EXPECT_TRUE(theme.contains(colour.colour.rgb()))
                << colour.where.toStdString() << " is " << colour.colour.name().toStdString()
                << ", which is not a colour of the theme";
        }
    }
    EXPECT_GE(chosen, 10); // the walk saw the notices, the banner and the badges
}

// The token formats the highlighter gave the first line that holds `text`.
QList<QTextLayout::FormatRange> formatsOfLine(QPlainTextEdit *edit, const QString &text)
{
    for (QTextBlock block = edit->document()->begin(); block.isValid(); block = block.next()) {
        if (block.text().contains(text)) {
            return block.layout()->formats();
        }
    }
    return {};
}

} // namespace

TEST(Theme, TellsADarkPaletteFromALightOne)
{
    const QPalette light(QColor(0xef, 0xef, 0xef));
    const QPalette dark = darkPalette();
    EXPECT_FALSE(Theme::isDark(light));
    EXPECT_FALSE(Theme::isDark(light, QPalette::Base));
    EXPECT_TRUE(Theme::isDark(dark));
    EXPECT_TRUE(Theme::isDark(dark, QPalette::Base));
    // Each colour drawn on the palette has a variant of its own for each.
    EXPECT_NE(Theme::errorText(light), Theme::errorText(dark));
    EXPECT_NE(Theme::noticeText(light), Theme::noticeText(dark));
    EXPECT_NE(Theme::bannerBackground(light), Theme::bannerBackground(dark));
    EXPECT_NE(Theme::bannerText(light), Theme::bannerText(dark));
    EXPECT_NE(Theme::noMatchBase(light), Theme::noMatchBase(dark));
    EXPECT_NE(Theme::findMatchBackground(light), Theme::findMatchBackground(dark));
    EXPECT_NE(Theme::jsonColors(false).key, Theme::jsonColors(true).key);
    EXPECT_NE(
        Theme::diffTint(Theme::Diff::Added, light), Theme::diffTint(Theme::Diff::Added, dark));
    // Lighter text on the dark window than on the light one.
    EXPECT_GT(Theme::errorText(dark).lightness(), Theme::errorText(light).lightness());
    EXPECT_EQ(Theme::invalidBorder(QStringLiteral("QLineEdit")),
        QStringLiteral("QLineEdit { border: 2px solid %1; }").arg(Theme::invalidInput().name()));
}

TEST(Theme, WidgetsOnALightPaletteChooseOnlyTheThemesColours)
{
    expectOnlyThemeColours(QPalette(QColor(0xef, 0xef, 0xef)));
}

TEST(Theme, WidgetsOnADarkPaletteChooseOnlyTheThemesColours)
{
    expectOnlyThemeColours(darkPalette());
}

TEST(Theme, OnADarkDesktopTheWindowsUseTheDarkColours)
{
    const DesktopPalette desktop(darkPalette());
    const QPalette dark = QApplication::palette();

    ErrorBanner banner;
    EXPECT_EQ(banner.palette().color(QPalette::Window), Theme::bannerBackground(dark));
    EXPECT_EQ(banner.palette().color(QPalette::WindowText), Theme::bannerText(dark));

    EntryDetailDialog detail;
    detail.setEntry(left());
    detail.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&detail));
    JsonTextView *view = detail.findChild<JsonPane *>(QStringLiteral("requestPane"))->textView();
    const QList<QTextLayout::FormatRange> formats
        = formatsOfLine(view->editor(), QStringLiteral("\"query\""));
    ASSERT_FALSE(formats.isEmpty());
    const QTextLayout::FormatRange &key = formats.first();
    EXPECT_EQ(key.format.property(JsonHighlighter::TokenProperty).toInt(),
        static_cast<int>(JsonHighlighter::Token::Key));
    EXPECT_EQ(key.format.foreground().color(), Theme::jsonColors(true).key);

    view->openFind();
    auto *find = view->findChild<QLineEdit *>(QStringLiteral("findEdit"));
    find->setText(QStringLiteral("launch"));
    QTRY_COMPARE(view->matchCount(), 1);
    const QList<QTextEdit::ExtraSelection> matches = view->editor()->extraSelections();
    ASSERT_EQ(matches.size(), 1);
    EXPECT_EQ(matches.first().format.background().color(), Theme::findMatchBackground(dark));
    find->setText(QStringLiteral("nowhere in the text"));
    QTRY_COMPARE(view->findStatus(), QStringLiteral("No matches"));
    EXPECT_EQ(find->palette().color(QPalette::Base), Theme::noMatchBase(dark));

    CompareDialog compare(left(), right());
    auto *tree = compare.findChild<QTreeView *>(QStringLiteral("requestView"));
    ASSERT_NE(tree, nullptr);
    const QModelIndex query = tree->model()->index(0, 0);
    ASSERT_TRUE(query.isValid());
    const QColor tint = query.data(Qt::BackgroundRole).value<QColor>();
    EXPECT_EQ(tint, Theme::diffTint(Theme::Diff::Changed, dark));
    EXPECT_NE(tint, Theme::diffTint(Theme::Diff::Changed, QPalette(QColor(0xef, 0xef, 0xef))));
}
