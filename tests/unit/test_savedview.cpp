#include "savedview.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

AuditTimestamp at(const char *iso)
{
    return AuditTimestamp::parse(QString::fromLatin1(iso), QTimeZone::utc()).value();
}

std::string iso(const std::optional<AuditTimestamp> &ts)
{
    return ts ? ts->toIsoUtc().toStdString() : std::string("<none>");
}

// Every member, so that a failed comparison says what differs.
std::string describe(const SavedView &view)
{
    const AuditFilter &f = view.filter;
    return QStringLiteral("name=[%1] actions=[%2] transport=[%3] bank=[%4] since=%5 until=%6 "
                          "failed=%7 search=[%8] min=%9 range=%10 columns=%11 period=%12 utc=%13 "
                          "order=%14")
        .arg(view.name, f.actions.join(QLatin1Char('|')), f.transport,
            f.bank ? *f.bank : QStringLiteral("<none>"), QString::fromStdString(iso(f.since)),
            QString::fromStdString(iso(f.until)),
            f.failedOnly ? QStringLiteral("yes") : QStringLiteral("no"), f.search,
            f.minDurationMicros ? QString::number(*f.minDurationMicros) : QStringLiteral("<none>"))
        .arg(relativeRangeName(view.range), QString::fromLatin1(view.columnState.toHex()),
            volumePeriodName(view.chartPeriod),
            view.utc ? QStringLiteral("yes") : QStringLiteral("no"), sortOrderName(view.order))
        .toStdString();
}

SavedView fullView(const QString &name)
{
    SavedView view;
    view.name = name;
    view.filter.actions = { QStringLiteral("retain"), QString(), QStringLiteral("a,b") };
    view.filter.transport = QStringLiteral("mcp");
    view.filter.bank = QStringLiteral("my bank / ünïcode");
    view.filter.since = at("2026-03-27T10:15:30.123456Z");
    view.filter.until = at("2026-03-28T00:00:00.000001Z");
    view.filter.failedOnly = true;
    view.filter.search = QStringLiteral("it's \"quoted\" \\ 日本");
    view.filter.minDurationMicros = 1'500'001;
    view.range = RelativeRange::Custom;
    view.columnState = QByteArray("\x00\xff\x01header=state/\\\n", 17);
    view.chartPeriod = VolumePeriod::ThirtyDays;
    view.utc = true;
    view.order = SortOrder::LongestFirst;
    return view;
}

// Each test reads and writes an INI file of its own in a temporary folder.
class SavedViewTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString fileName() const { return m_dir.filePath(QStringLiteral("views.ini")); }
    // A new instance per call, as after a restart.
    SavedViews store() const { return { fileName(), QSettings::IniFormat }; }
    std::unique_ptr<QSettings> raw() const
    {
        return std::make_unique<QSettings>(fileName(), QSettings::IniFormat);
    }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(SavedViewTest, StartsEmpty)
{
    EXPECT_TRUE(store().list().isEmpty());
    EXPECT_FALSE(store().lastView());
    EXPECT_FALSE(store().find(QStringLiteral("anything")));
}

TEST_F(SavedViewTest, KeepsEveryPartOfAViewAcrossRestarts)
{
    const SavedView view = fullView(QStringLiteral("Slow failures"));
    QString error;
    ASSERT_TRUE(store().save(view, &error)) << error.toStdString();

    const auto found = store().find(QStringLiteral("Slow failures"));
    ASSERT_TRUE(found);
    EXPECT_EQ(describe(*found), describe(view));
    EXPECT_TRUE(*found == view);
    ASSERT_EQ(store().list().size(), 1);
    EXPECT_TRUE(store().list().first() == view);
}

TEST_F(SavedViewTest, KeepsAnEmptyBankApartFromNoBank)
{
    SavedView empty;
    empty.name = QStringLiteral("empty bank");
    empty.filter.bank = QString();
    SavedView none;
    none.name = QStringLiteral("no bank");
    ASSERT_TRUE(store().save(empty));
    ASSERT_TRUE(store().save(none));
    EXPECT_EQ(store().find(QStringLiteral("empty bank"))->filter.bank, std::optional(QString()));
    EXPECT_EQ(store().find(QStringLiteral("no bank"))->filter.bank, std::nullopt);
}

TEST_F(SavedViewTest, NamesMayContainAnyCharacter)
{
    const QStringList names { QStringLiteral("a/b"), QStringLiteral("a\\b"),
        QStringLiteral("key=value"), QStringLiteral("[General]"), QStringLiteral("x;y#z"),
        QStringLiteral("with  spaces inside"), QStringLiteral("%2F"), QStringLiteral("size"),
        QStringLiteral("lastView"), QStringLiteral("views"), QStringLiteral("Ünïcödé 日本 🎉"),
        QStringLiteral("\"quoted\" 'name'"), QStringLiteral("..") };
    for (const QString &name : names) {
        SavedView view;
        view.name = name;
        view.filter.search = name; // tells the views apart
        QString error;
        ASSERT_TRUE(store().save(view, &error)) << name.toStdString() << error.toStdString();
    }
    QStringList expected = names;
    std::sort(expected.begin(), expected.end(), [](const QString &a, const QString &b) {
        const int folded = a.compare(b, Qt::CaseInsensitive);
        return folded != 0 ? folded < 0 : a < b;
    });
    EXPECT_EQ(store().names(), expected);
    for (const QString &name : names) {
        const auto view = store().find(name);
        ASSERT_TRUE(view) << name.toStdString();
        EXPECT_EQ(view->name, name);
        EXPECT_EQ(view->filter.search, name);
    }
}

TEST_F(SavedViewTest, NamesAreCaseSensitiveAndTrimmed)
{
    SavedView upper;
    upper.name = QStringLiteral("  Errors ");
    upper.filter.failedOnly = true;
    SavedView lower;
    lower.name = QStringLiteral("errors");
    ASSERT_TRUE(store().save(upper));
    ASSERT_TRUE(store().save(lower));

    // Equal but for case: the capital first, so the order does not change between runs.
    EXPECT_EQ(
        store().names(), (QStringList { QStringLiteral("Errors"), QStringLiteral("errors") }));
    const auto found = store().find(QStringLiteral("Errors\t"));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, QStringLiteral("Errors"));
    EXPECT_TRUE(found->filter.failedOnly);
    EXPECT_FALSE(store().find(QStringLiteral("ERRORS")));
}

TEST_F(SavedViewTest, RefusesEmptyOverlongAndControlCharacterNames)
{
    for (const QString &name : { QString(), QStringLiteral("   "), QStringLiteral("a\nb"),
             QStringLiteral("a\tb"), QStringLiteral("a\u2028b"), QString(101, QLatin1Char('x')) }) {
        SavedView view;
        view.name = name;
        QString error;
        EXPECT_FALSE(store().save(view, &error)) << name.toStdString();
        EXPECT_FALSE(error.isEmpty());
    }
    EXPECT_TRUE(store().list().isEmpty());
    SavedView longest;
    longest.name = QString(SavedViews::kMaximumNameLength, QChar(0x00e9));
    EXPECT_TRUE(store().save(longest));
    EXPECT_TRUE(store().find(longest.name));
}

TEST_F(SavedViewTest, SavingUnderTheSameNameReplacesTheView)
{
    SavedView first = fullView(QStringLiteral("Mine"));
    ASSERT_TRUE(store().save(first));
    SavedView second;
    second.name = QStringLiteral("Mine");
    second.filter.transport = QStringLiteral("http");
    ASSERT_TRUE(store().save(second));

    ASSERT_EQ(store().list().size(), 1);
    const auto found = store().find(QStringLiteral("Mine"));
    ASSERT_TRUE(found);
    EXPECT_EQ(describe(*found), describe(second)); // nothing left of the first one's bank etc.
}

TEST_F(SavedViewTest, RemoveDeletesOnlyThatView)
{
    for (const char *name : { "one", "two", "three" }) {
        SavedView view;
        view.name = QString::fromLatin1(name);
        ASSERT_TRUE(store().save(view));
    }
    QString error;
    EXPECT_TRUE(store().remove(QStringLiteral("two"), &error)) << error.toStdString();
    EXPECT_EQ(store().names(), (QStringList { QStringLiteral("one"), QStringLiteral("three") }));
    EXPECT_FALSE(store().remove(QStringLiteral("two"), &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST_F(SavedViewTest, RenameMovesTheViewAndRefusesATakenName)
{
    SavedView a = fullView(QStringLiteral("a"));
    SavedView b;
    b.name = QStringLiteral("b");
    ASSERT_TRUE(store().save(a));
    ASSERT_TRUE(store().save(b));

    QString error;
    ASSERT_TRUE(store().rename(QStringLiteral("a"), QStringLiteral(" c/d "), &error))
        << error.toStdString();
    EXPECT_EQ(store().names(), (QStringList { QStringLiteral("b"), QStringLiteral("c/d") }));
    a.name = QStringLiteral("c/d");
    EXPECT_EQ(describe(*store().find(QStringLiteral("c/d"))), describe(a));

    error.clear();
    EXPECT_FALSE(store().rename(QStringLiteral("c/d"), QStringLiteral("b"), &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(store().rename(QStringLiteral("missing"), QStringLiteral("e")));
    EXPECT_FALSE(store().rename(QStringLiteral("b"), QStringLiteral("  ")));
    EXPECT_TRUE(store().rename(QStringLiteral("b"), QStringLiteral("B")));
    EXPECT_EQ(store().names(), (QStringList { QStringLiteral("B"), QStringLiteral("c/d") }));
}

TEST_F(SavedViewTest, TheLastViewIsKeptApartFromNamedViews)
{
    SavedView named;
    named.name = QStringLiteral("lastView"); // the reserved group's own name, as a view name
    named.filter.search = QStringLiteral("named");
    ASSERT_TRUE(store().save(named));
    SavedView last = fullView(QStringLiteral("lastView"));
    ASSERT_TRUE(store().saveLastView(last));

    EXPECT_EQ(store().names(), QStringList { QStringLiteral("lastView") });
    EXPECT_EQ(store().find(QStringLiteral("lastView"))->filter.search, QStringLiteral("named"));
    ASSERT_TRUE(store().lastView());
    EXPECT_EQ(describe(*store().lastView()), describe(last));

    SavedView unnamed;
    unnamed.filter.failedOnly = true;
    ASSERT_TRUE(store().saveLastView(unnamed));
    EXPECT_EQ(describe(*store().lastView()), describe(unnamed));
    store().clearLastView();
    EXPECT_FALSE(store().lastView());
    EXPECT_EQ(store().names(), QStringList { QStringLiteral("lastView") });
}

TEST_F(SavedViewTest, APresetStaysRelativeToWhenTheViewIsOpened)
{
    const AuditTimestamp savedAt = at("2026-03-20T12:00:00Z");
    AuditFilter shown;
    shown.bank = QStringLiteral("b");
    shown.since = at("2026-03-13T12:00:00Z"); // what the picker computed when saving
    SavedView view;
    view.name = QStringLiteral("Last week");
    view.setFilter(shown, RelativeRange::Last7Days);
    ASSERT_TRUE(store().save(view));

    const auto opened = store().find(QStringLiteral("Last week"));
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->range, RelativeRange::Last7Days);
    const AuditFilter nextWeek = opened->filterAt(at("2026-03-27T08:30:00.5Z"));
    EXPECT_EQ(iso(nextWeek.since), "2026-03-20T08:30:00.500000Z");
    EXPECT_EQ(iso(nextWeek.until), "<none>");
    EXPECT_EQ(nextWeek.bank, std::optional(QStringLiteral("b")));
    EXPECT_EQ(iso(opened->filterAt(savedAt).since), "2026-03-13T12:00:00.000000Z");

    view.setFilter(shown, RelativeRange::LastHour);
    EXPECT_EQ(iso(view.filterAt(savedAt).since), "2026-03-20T11:00:00.000000Z");
    view.setFilter(shown, RelativeRange::All);
    EXPECT_EQ(iso(view.filterAt(savedAt).since), "<none>");
}

TEST_F(SavedViewTest, ACustomRangeKeepsItsMicroseconds)
{
    SavedView view;
    view.name = QStringLiteral("incident");
    AuditFilter filter;
    filter.since = at("2026-03-27T10:15:30.123456Z");
    filter.until = at("2026-03-27T10:15:30.123457Z");
    view.setFilter(filter, RelativeRange::Custom);
    ASSERT_TRUE(store().save(view));
    const AuditFilter opened
        = store().find(QStringLiteral("incident"))->filterAt(at("2030-01-01T00:00:00Z"));
    EXPECT_EQ(iso(opened.since), "2026-03-27T10:15:30.123456Z");
    EXPECT_EQ(iso(opened.until), "2026-03-27T10:15:30.123457Z");
}

TEST_F(SavedViewTest, CorruptOrNewerEntriesAreSkippedAndLeftInPlace)
{
    for (const char *name : { "good", "bad time", "newer", "bad range", "bad flag", "bad size",
             "negative duration", "no version", "wrong name", "bad period" }) {
        SavedView view;
        view.name = QString::fromLatin1(name);
        ASSERT_TRUE(store().save(view));
    }
    {
        const auto settings = raw();
        QString goodKey;
        const auto groupOf = [&](const char *name) {
            settings->beginGroup(QStringLiteral("views"));
            for (const QString &key : settings->childGroups()) {
                if (settings->value(key + QStringLiteral("/name")).toString()
                    == QString::fromLatin1(name)) {
                    settings->endGroup();
                    return QStringLiteral("views/") + key + QLatin1Char('/');
                }
            }
            settings->endGroup();
            ADD_FAILURE() << name;
            return QString();
        };
        settings->setValue(groupOf("bad time") + QStringLiteral("since"), QStringLiteral("soon"));
        settings->setValue(groupOf("newer") + QStringLiteral("version"), 99);
        settings->setValue(groupOf("bad range") + QStringLiteral("range"), QStringLiteral("90d"));
        settings->setValue(
            groupOf("bad flag") + QStringLiteral("failedOnly"), QStringLiteral("maybe"));
        settings->setValue(groupOf("bad size") + QStringLiteral("actions/size"), 1'000'000'000);
        settings->setValue(groupOf("negative duration") + QStringLiteral("minDurationMicros"), -5);
        settings->remove(groupOf("no version") + QStringLiteral("version"));
        settings->setValue(groupOf("wrong name") + QStringLiteral("name"), QStringLiteral("good"));
        settings->setValue(
            groupOf("bad period") + QStringLiteral("chartPeriod"), QStringLiteral("1y"));
        settings->setValue(QStringLiteral("views/zz/version"), 1); // a key that is no name
        settings->setValue(QStringLiteral("views/zz/name"), QStringLiteral("zz"));
        settings->setValue(QStringLiteral("views/6e6f/name"), QStringLiteral("no")); // no version
        settings->setValue(QStringLiteral("lastView/version"), QStringLiteral("x"));
    }

    EXPECT_EQ(store().names(), QStringList { QStringLiteral("good") });
    EXPECT_FALSE(store().find(QStringLiteral("bad time")));
    EXPECT_FALSE(store().find(QStringLiteral("newer")));
    EXPECT_FALSE(store().lastView());

    SavedView another;
    another.name = QStringLiteral("another");
    ASSERT_TRUE(store().save(another));
    EXPECT_EQ(store().names(), (QStringList { QStringLiteral("another"), QStringLiteral("good") }));
    // A newer version's view is still there for that version to read.
    EXPECT_EQ(
        raw()
            ->value(QStringLiteral("views/") + QString::fromLatin1(QByteArray("newer").toHex())
                + QStringLiteral("/version"))
            .toInt(),
        99);
}

TEST_F(SavedViewTest, AFileOfGarbageReadsAsNoViews)
{
    {
        QFile file(fileName());
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        QByteArray junk;
        for (int i = 0; i < 4096; ++i) {
            junk.append(char((i * 7919) % 256));
        }
        file.write("[views]\n6e6f\\version=\xff\xfe\n[lastView]\nversion=1\nsince=never\n");
        file.write(junk);
    }
    EXPECT_TRUE(store().list().isEmpty());
    EXPECT_FALSE(store().lastView());
    EXPECT_FALSE(store().find(QStringLiteral("no")));
}

// ---- command line ------------------------------------------------------------------------

TEST(SavedViewCommandLine, SpellsEachFilterOption)
{
    SavedView view;
    view.filter.actions = { QStringLiteral("retain"), QStringLiteral("recall") };
    view.filter.transport = QStringLiteral("http");
    view.filter.bank = QStringLiteral("my bank");
    view.filter.failedOnly = true;
    view.filter.search = QStringLiteral("x y");
    view.filter.minDurationMicros = 5'000'000;
    view.range = RelativeRange::Last7Days;
    view.columnState = "ignored";
    view.chartPeriod = VolumePeriod::Today;
    EXPECT_EQ(toCommandLine(view).toStdString(),
        "audit-viewer --action retain --action recall --transport http --bank 'my bank' "
        "--last 7d --failed --search 'x y' --min-duration 5s");
    // The order only when it is not the default, and back.
    view.order = SortOrder::ShortestFirst;
    const QString line = toCommandLine(view);
    EXPECT_TRUE(line.endsWith(QLatin1String(" --min-duration 5s --sort shortest")))
        << line.toStdString();
    QString error;
    const auto read = fromCommandLine(line, &error);
    ASSERT_TRUE(read) << error.toStdString();
    EXPECT_EQ(read->order, SortOrder::ShortestFirst);
    // Every order has a --sort word that reads back as that order.
    for (SortOrder order :
        { SortOrder::NewestFirst, SortOrder::OldestFirst, SortOrder::LongestFirst,
            SortOrder::ShortestFirst, SortOrder::RecentlyFinishedFirst }) {
        view.order = order;
        const auto again = fromCommandLine(toCommandLine(view), &error);
        ASSERT_TRUE(again) << error.toStdString();
        EXPECT_EQ(again->order, order) << toCommandLine(view).toStdString();
    }
    EXPECT_TRUE(toCommandLine(view).endsWith(QLatin1String(" --sort finished")));
    const auto oldest = fromCommandLine(QStringLiteral("audit-viewer list --oldest-first"), &error);
    ASSERT_TRUE(oldest) << error.toStdString();
    EXPECT_EQ(oldest->order, SortOrder::OldestFirst);
    EXPECT_FALSE(fromCommandLine(QStringLiteral("audit-viewer --sort slowest"), &error));
    EXPECT_EQ(error, QStringLiteral("--sort takes newest, oldest, longest, shortest or finished."));
    // Read as the CLI reads them: a contradiction is refused, not settled by the last word.
    EXPECT_FALSE(
        fromCommandLine(QStringLiteral("audit-viewer --oldest-first --sort longest"), &error));
    EXPECT_EQ(error, QStringLiteral("--oldest-first and --sort longest contradict each other."));
}

TEST(SavedViewCommandLine, WritesACustomRangeInUtcWithMicroseconds)
{
    SavedView view;
    AuditFilter filter;
    filter.since = at("2026-03-27T10:15:30.123456Z");
    filter.until = at("2026-03-27T11:00:00Z");
    view.setFilter(filter, RelativeRange::Custom);
    EXPECT_EQ(toCommandLine(view).toStdString(),
        "audit-viewer --since 2026-03-27T10:15:30.123456Z --until 2026-03-27T11:00:00.000000Z");
    view.range = RelativeRange::Last24Hours; // a preset ignores the clock times it was given
    EXPECT_EQ(toCommandLine(view).toStdString(), "audit-viewer --last 24h");
    EXPECT_EQ(toCommandLine(SavedView()).toStdString(), "audit-viewer");
}

TEST(SavedViewCommandLine, QuotesForAPosixShell)
{
    EXPECT_EQ(shellQuote(QStringLiteral("retain")).toStdString(), "retain");
    EXPECT_EQ(
        shellQuote(QStringLiteral("a-b_c.d/e:f,g@h%i+j=k")).toStdString(), "a-b_c.d/e:f,g@h%i+j=k");
    EXPECT_EQ(shellQuote(QString()).toStdString(), "''");
    EXPECT_EQ(shellQuote(QStringLiteral("it's")).toStdString(), "'it'\\''s'");
    EXPECT_EQ(shellQuote(QStringLiteral("=x")).toStdString(), "'=x'");
    EXPECT_EQ(shellQuote(QStringLiteral("$HOME")).toStdString(), "'$HOME'");
    EXPECT_EQ(shellQuote(QStringLiteral("日本")).toStdString(), "'日本'");
}

TEST(SavedViewCommandLine, RoundTripsFilters)
{
    const QStringList hostile { QStringLiteral("it's"), QStringLiteral("say \"hi\""),
        QStringLiteral("back\\slash"), QStringLiteral("$HOME `id` $(id)"), QStringLiteral("-x"),
        QStringLiteral("--failed"), QStringLiteral("a b\tc\nd"), QStringLiteral("日本語 🎉 ünï"),
        QStringLiteral("''"), QStringLiteral("# not a comment"), QStringLiteral("a|b;c&d>e<f"),
        QStringLiteral("=x"), QStringLiteral("*"), QStringLiteral("~") };
    QList<SavedView> views;
    for (const QString &text : hostile) {
        SavedView view;
        view.filter.bank = text;
        view.filter.search = text;
        view.filter.actions = { text, QStringLiteral("retain") };
        views.append(view);
    }
    SavedView everything = fullView(QString());
    everything.columnState.clear();
    everything.chartPeriod = VolumePeriod::SevenDays;
    everything.utc = false;
    views.append(everything);
    SavedView emptyBank;
    emptyBank.filter.bank = QString();
    views.append(emptyBank);
    for (RelativeRange range : { RelativeRange::All, RelativeRange::LastHour,
             RelativeRange::Last24Hours, RelativeRange::Last7Days, RelativeRange::Last30Days }) {
        SavedView preset;
        preset.range = range;
        preset.filter.minDurationMicros = 250'000;
        views.append(preset);
    }
    SavedView openEnded;
    AuditFilter untilOnly;
    untilOnly.until = at("1999-12-31T23:59:59.999999Z");
    openEnded.setFilter(untilOnly, RelativeRange::Custom);
    views.append(openEnded);

    for (const SavedView &view : views) {
        const QString line = toCommandLine(view);
        QString error;
        const auto back
            = fromCommandLine(line, &error, QTimeZone::utc(), at("2026-01-01T00:00:00Z"));
        ASSERT_TRUE(back) << line.toStdString() << ": " << error.toStdString();
        EXPECT_EQ(describe(*back), describe(view)) << line.toStdString();
    }
}

TEST(SavedViewCommandLine, TheLineSplitsAsARealShellSplitsIt)
{
    if (!QFile::exists(QStringLiteral("/bin/sh"))) {
        GTEST_SKIP() << "no /bin/sh";
    }
    SavedView view = fullView(QString());
    view.filter.bank = QStringLiteral("it's $HOME `id` \\ \"q\" '' 日本");
    const QString line = toCommandLine(view);
    QProcess shell;
    // printf repeats its format for each word; NUL separates them unambiguously.
    shell.start(QStringLiteral("/bin/sh"),
        { QStringLiteral("-c"), QStringLiteral("printf '%s\\0' ") + line });
    ASSERT_TRUE(shell.waitForFinished(10000));
    QList<QByteArray> printed = shell.readAllStandardOutput().split('\0');
    printed.removeLast(); // after the last NUL
    QStringList shellWords;
    for (const QByteArray &word : printed) {
        shellWords.append(QString::fromUtf8(word));
    }
    QString error;
    EXPECT_EQ(splitShellWords(line, &error), std::optional(shellWords)) << line.toStdString();
}

TEST(SavedViewCommandLine, ReadsALineThatReadsManyTenants)
{
    // Which schemas are read is the connection's, as --schema is; the filter is the view.
    QString error;
    const auto view = fromCommandLine(
        QStringLiteral("audit-viewer stats --schemas 'tenant_%' --tenant tenant_a --by tenant "
                       "--action retain"),
        &error);
    ASSERT_TRUE(view) << error.toStdString();
    EXPECT_EQ(view->filter.actions, QStringList { QStringLiteral("retain") });
}

TEST(SavedViewCommandLine, ReadsALinePastedFromATerminal)
{
    QString error;
    const auto view = fromCommandLine(
        QStringLiteral("$ ignored"), &error); // a prompt sign is not an audit-viewer line
    EXPECT_FALSE(view);

    const auto listed = fromCommandLine(
        QStringLiteral("/usr/bin/audit-viewer list 'host=db dbname=hindsight' --action=retain "
                       "--limit 10 --format csv \\\n  --failed --schema tenant | head -n 3"),
        &error);
    ASSERT_TRUE(listed) << error.toStdString();
    EXPECT_EQ(listed->filter.actions, QStringList { QStringLiteral("retain") });
    EXPECT_TRUE(listed->filter.failedOnly);
    EXPECT_EQ(listed->range, RelativeRange::All);

    const auto exported = fromCommandLine(
        QStringLiteral("audit-viewer export postgresql://db/x --output out.csv "
                       "--search \"say \\\"hi\\\" \\\\ \\$5 'x'\" --bank my\\ bank # a comment"),
        &error);
    ASSERT_TRUE(exported) << error.toStdString();
    EXPECT_EQ(exported->filter.search, QStringLiteral("say \"hi\" \\ $5 'x'"));
    EXPECT_EQ(exported->filter.bank, std::optional(QStringLiteral("my bank")));

    const auto stats = fromCommandLine(
        QStringLiteral("audit-viewer stats --period 30d --utc -action recall"), &error);
    ASSERT_TRUE(stats) << error.toStdString();
    EXPECT_EQ(stats->chartPeriod, VolumePeriod::ThirtyDays);
    EXPECT_TRUE(stats->utc);
    EXPECT_EQ(stats->filter.actions, QStringList { QStringLiteral("recall") });
}

TEST(SavedViewCommandLine, ReadsTheClisRelativeAndLocalSince)
{
    const AuditTimestamp now = at("2026-03-27T12:00:00Z");
    const QTimeZone plusTwo(2 * 3600);
    QString error;
    const auto week = fromCommandLine(QStringLiteral("--since 7d"), &error, plusTwo, now);
    ASSERT_TRUE(week) << error.toStdString();
    EXPECT_EQ(week->range, RelativeRange::Last7Days);
    EXPECT_EQ(iso(week->filter.since), "<none>");
    EXPECT_EQ(fromCommandLine(QStringLiteral("--since 60m"), &error, plusTwo, now)->range,
        RelativeRange::LastHour);

    const auto span = fromCommandLine(QStringLiteral("--since 90m"), &error, plusTwo, now);
    ASSERT_TRUE(span) << error.toStdString();
    EXPECT_EQ(span->range, RelativeRange::Custom);
    EXPECT_EQ(iso(span->filter.since), "2026-03-27T10:30:00.000000Z");

    const auto bounded = fromCommandLine(
        QStringLiteral("--since 7d --until '2026-03-27 10:00'"), &error, plusTwo, now);
    ASSERT_TRUE(bounded) << error.toStdString();
    EXPECT_EQ(bounded->range, RelativeRange::Custom);
    EXPECT_EQ(iso(bounded->filter.since), "2026-03-20T12:00:00.000000Z");
    EXPECT_EQ(iso(bounded->filter.until), "2026-03-27T08:00:00.000000Z");
}

TEST(SavedViewCommandLine, RefusesWhatIsNotAViewWithOneSentence)
{
    for (const char *line :
        { "audit-viewer --search 'open", "--search \"open", "--failed \\", "audit-viewer show 0000",
            "--last 2d", "--last all", "--last 7d --since 2026-03-01", "--min-duration -5s",
            "--min-duration 5 parsecs", "--min-duration", "--unknown", "--since yesterday",
            "--until 7d", "--period 1y", "audit-viewer stray --failed", "host=a host=b",
            "--search $HOME", "--search \"$(id)\"", "--search `id`", "--view Errors" }) {
        QString error;
        EXPECT_FALSE(fromCommandLine(QString::fromUtf8(line), &error)) << line;
        EXPECT_FALSE(error.isEmpty()) << line;
    }
}
