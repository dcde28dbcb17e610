#include "filterbar.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <string>

// Readable failure messages (internal linkage: other test files may print these too).
// NOLINTBEGIN(readability-identifier-naming): GoogleTest looks for PrintTo by name.
static void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}
static void PrintTo(const AuditTimestamp &at, std::ostream *out)
{
    *out << at.toIsoUtc().toStdString();
}
static void PrintTo(const AuditFilter &filter, std::ostream *out)
{
    *out << "{actions=[" << filter.actions.join(QLatin1Char(',')).toStdString()
         << "] transport=" << filter.transport.toStdString()
         << " bank=" << filter.bank.value_or(QStringLiteral("<none>")).toStdString()
         << " since=" << (filter.since ? filter.since->toIsoUtc().toStdString() : "-")
         << " until=" << (filter.until ? filter.until->toIsoUtc().toStdString() : "-")
         << " failed=" << filter.failedOnly << " search=" << filter.search.toStdString()
         << " minDuration="
         << (filter.minDurationMicros ? std::to_string(*filter.minDurationMicros) : "-") << '}';
}
// NOLINTEND(readability-identifier-naming)

namespace {

constexpr qint64 kUsecsPerSecond = 1'000'000;

AuditTimestamp utc(const char *iso)
{
    return AuditTimestamp::parse(QString::fromLatin1(iso), QTimeZone::utc()).value();
}

qint64 nowUsecs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

class FilterBarTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_bar.setActionChoices({ "retain", "recall", "reflect", "create_bank", "consolidation" });
        m_bar.setTransportChoices({ "http", "mcp", "system" });
        m_bar.show();
        m_bar.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&m_bar));
    }

    template <typename T> T *control(const char *name)
    {
        T *found = m_bar.findChild<T *>(QLatin1String(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    // Runs what the user does and returns the filter it applied; fails unless exactly one.
    AuditFilter appliedBy(const std::function<void()> &userAction)
    {
        QSignalSpy applied(&m_bar, &FilterBar::filterApplied);
        userAction();
        EXPECT_EQ(applied.count(), 1);
        return applied.isEmpty() ? AuditFilter {} : applied.last().at(0).value<AuditFilter>();
    }

    // Replaces the field's text as a user would; QTest::keyClicks only knows ASCII keys.
    void typeInto(QWidget *edit, const QString &text)
    {
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(edit, Qt::Key_Delete);
        for (const uint codePoint : text.toUcs4()) {
            const char32_t c = codePoint;
            if (c < 0x80) {
                QTest::keyClick(edit, char(c));
            } else {
                QTest::sendKeyEvent(
                    QTest::Click, edit, Qt::Key_unknown, QString::fromUcs4(&c, 1), Qt::NoModifier);
            }
        }
    }

    // Tab into a date-time picker (which selects its first section) and type the digits.
    void typeTime(const char *check, const char *digits)
    {
        auto *box = control<QCheckBox>(check);
        if (!box->isChecked()) {
            QTest::mouseClick(box, Qt::LeftButton);
        }
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QString::fromLatin1(digits));
    }

    void chooseCustomRange()
    {
        auto *range = control<QComboBox>("timeRangeCombo");
        range->setFocus();
        QTest::keyClick(range, Qt::Key_End);
        ASSERT_EQ(m_bar.timeRange(), FilterBar::TimeRange::Custom);
    }

    void openActions()
    {
        QTest::mouseClick(control<QComboBox>("actionsCombo"), Qt::LeftButton);
        ASSERT_TRUE(
            QTest::qWaitFor([this] { return control<QWidget>("actionsPopup")->isVisible(); }));
    }

    void clickAction(const QString &text)
    {
        auto *list = control<QListWidget>("actionsList");
        const QList<QListWidgetItem *> items = list->findItems(text, Qt::MatchExactly);
        ASSERT_EQ(items.size(), 1) << text.toStdString();
        QTest::mouseClick(
            list->viewport(), Qt::LeftButton, {}, list->visualItemRect(items.first()).center());
    }

    // Escape wherever the focus is inside the list's popup (its filter field or the list).
    void closeActions() { QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape); }

    QString actionsSummary() { return control<QComboBox>("actionsCombo")->currentText(); }

    FilterBar m_bar;
};

} // namespace

TEST_F(FilterBarTest, StartsEmpty)
{
    EXPECT_TRUE(m_bar.filter().isEmpty());
    EXPECT_EQ(m_bar.timeRange(), FilterBar::TimeRange::All);
    EXPECT_EQ(actionsSummary(), QStringLiteral("All actions"));
    EXPECT_EQ(m_bar.timeZone(), QTimeZone::systemTimeZone());
    EXPECT_FALSE(control<QWidget>("fromEdit")->isVisible());
}

TEST_F(FilterBarTest, ActionsPickedTogetherApplyOnceWhenTheListCloses)
{
    openActions();
    QSignalSpy applied(&m_bar, &FilterBar::filterApplied);
    clickAction(QStringLiteral("retain"));
    clickAction(QStringLiteral("recall"));
    EXPECT_EQ(applied.count(), 0);
    EXPECT_EQ(actionsSummary(), QStringLiteral("retain, recall"));
    closeActions();
    ASSERT_EQ(applied.count(), 1);
    EXPECT_EQ(
        applied.at(0).at(0).value<AuditFilter>().actions, QStringList({ "retain", "recall" }));
    EXPECT_FALSE(control<QWidget>("actionsPopup")->isVisible());
}

TEST_F(FilterBarTest, ActionsSummaryNamesOneOrTwoAndCountsMore)
{
    openActions();
    clickAction(QStringLiteral("reflect"));
    EXPECT_EQ(actionsSummary(), QStringLiteral("reflect"));
    clickAction(QStringLiteral("retain"));
    clickAction(QStringLiteral("recall"));
    EXPECT_EQ(actionsSummary(), QStringLiteral("3 actions"));
    clickAction(QStringLiteral("reflect"));
    EXPECT_EQ(actionsSummary(), QStringLiteral("retain, recall"));
    const AuditFilter filter = appliedBy([this] { closeActions(); });
    EXPECT_EQ(filter.actions, QStringList({ "retain", "recall" }));
}

TEST_F(FilterBarTest, ActionsListClosedWithoutChangeAppliesNothing)
{
    QSignalSpy applied(&m_bar, &FilterBar::filterApplied);
    openActions();
    closeActions();
    EXPECT_EQ(applied.count(), 0);
}

TEST_F(FilterBarTest, ClickingTheActionsComboAgainClosesTheList)
{
    openActions();
    clickAction(QStringLiteral("recall"));
    const AuditFilter filter = appliedBy(
        [this] { QTest::mouseClick(control<QComboBox>("actionsCombo"), Qt::LeftButton); });
    EXPECT_EQ(filter.actions, QStringList({ "recall" }));
    EXPECT_FALSE(control<QWidget>("actionsPopup")->isVisible());
}

TEST_F(FilterBarTest, ActionsCanBeFilteredAndCheckedFromTheKeyboard)
{
    openActions();
    auto *filterEdit = control<QLineEdit>("actionsFilter");
    EXPECT_TRUE(filterEdit->hasFocus());
    QTest::keyClicks(filterEdit, QStringLiteral("CONS"));
    auto *list = control<QListWidget>("actionsList");
    int visible = 0;
    for (int row = 0; row < list->count(); ++row) {
        visible += list->item(row)->isHidden() ? 0 : 1;
    }
    EXPECT_EQ(visible, 1);
    QTest::keyClick(filterEdit, Qt::Key_Down);
    QTest::keyClick(list, Qt::Key_Space);
    const AuditFilter filter = appliedBy([&] { QTest::keyClick(list, Qt::Key_Return); });
    EXPECT_EQ(filter.actions, QStringList({ "consolidation" }));
}

TEST_F(FilterBarTest, ActionsFromSetFilterStayCheckedEvenWhenNotAmongTheChoices)
{
    AuditFilter wanted;
    wanted.actions = { "webhook_delivery", "retain" };
    m_bar.setFilter(wanted);
    m_bar.setActionChoices({ "retain", "recall" }); // choices loaded after the prefill
    auto *list = control<QListWidget>("actionsList");
    const QList<QListWidgetItem *> unknown = list->findItems("webhook_delivery", Qt::MatchExactly);
    ASSERT_EQ(unknown.size(), 1);
    EXPECT_EQ(unknown.first()->checkState(), Qt::Checked);
    EXPECT_EQ(m_bar.filter().actions, wanted.actions);
    EXPECT_EQ(actionsSummary(), QStringLiteral("webhook_delivery, retain"));
}

TEST_F(FilterBarTest, ActionNamesFromTheDatabaseAreShownAsPlainText)
{
    const QString bidi = QStringLiteral("evil\u202Egnp.exe");
    m_bar.setActionChoices({ "<b>bold</b>", bidi });
    openActions();
    clickAction(QStringLiteral("<b>bold</b>"));
    EXPECT_EQ(actionsSummary(), QStringLiteral("<b>bold</b>"));
    clickAction(QStringLiteral("evil<U+202E>gnp.exe")); // the override is shown, not obeyed
    EXPECT_FALSE(actionsSummary().contains(QChar(0x202E)));
    const AuditFilter filter = appliedBy([this] { closeActions(); });
    EXPECT_EQ(filter.actions, QStringList({ "<b>bold</b>", bidi }));
}

TEST_F(FilterBarTest, TransportAppliesAsSoonAsItIsPicked)
{
    auto *transport = control<QComboBox>("transportCombo");
    transport->setFocus();
    AuditFilter filter = appliedBy([&] { QTest::keyClick(transport, Qt::Key_Down); });
    EXPECT_EQ(filter.transport, QStringLiteral("http"));
    filter = appliedBy([&] { QTest::keyClick(transport, Qt::Key_End); });
    EXPECT_EQ(filter.transport, QStringLiteral("system"));
    filter = appliedBy([&] { QTest::keyClick(transport, Qt::Key_Home); });
    EXPECT_TRUE(filter.transport.isEmpty());
}

TEST_F(FilterBarTest, BankIsUsedExactlyAsTyped)
{
    auto *bank = control<QLineEdit>("bankEdit");
    for (const QString &typed : { QStringLiteral("50%_off\\x"), QStringLiteral("it's \"quoted\""),
             QStringLiteral("Bänk-银行-ß-🧠"), QStringLiteral("  spaced out  ") }) {
        typeInto(bank, typed);
        const AuditFilter filter = appliedBy([&] { QTest::keyClick(bank, Qt::Key_Return); });
        EXPECT_EQ(filter.bank, std::optional(typed)) << typed.toStdString();
    }
    typeInto(bank, QString());
    const AuditFilter filter = appliedBy([&] { QTest::keyClick(bank, Qt::Key_Return); });
    EXPECT_FALSE(filter.bank.has_value());
}

TEST_F(FilterBarTest, TypingABankKeepsTheBoxAndTheControlsAfterItWhereTheyAre)
{
    m_bar.resize(1400, m_bar.height());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    auto *bank = control<QLineEdit>("bankEdit");
    auto *search = control<QLineEdit>("searchEdit");
    const QRect before = bank->geometry();
    const int searchBefore = search->mapTo(&m_bar, QPoint()).x();
    QTest::keyClicks(bank, QStringLiteral("a-rather-long-bank-id"));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    EXPECT_EQ(bank->geometry(), before);
    EXPECT_EQ(search->mapTo(&m_bar, QPoint()).x(), searchBefore);
}

TEST_F(FilterBarTest, BankChoicesAreWantedOnceOnFirstFocus)
{
    QSignalSpy wanted(&m_bar, &FilterBar::bankChoicesWanted);
    auto *bank = control<QLineEdit>("bankEdit");
    bank->setFocus();
    EXPECT_EQ(wanted.count(), 1);
    control<QLineEdit>("searchEdit")->setFocus();
    bank->setFocus();
    QTest::keyClicks(bank, QStringLiteral("abc"));
    EXPECT_EQ(wanted.count(), 1);
}

TEST_F(FilterBarTest, BankChoicesArrivingLateKeepWhatWasTyped)
{
    auto *bank = control<QLineEdit>("bankEdit");
    typeInto(bank, QStringLiteral("ANT"));
    m_bar.setBankChoices({ "tenant-a", "Tenant-B", "other" });
    EXPECT_EQ(bank->text(), QStringLiteral("ANT"));
    EXPECT_EQ(m_bar.filter().bank, std::optional(QStringLiteral("ANT")));
    // Suggestions match anywhere in the id, ignoring case.
    EXPECT_TRUE(bank->completer()->popup()->isVisible());
    EXPECT_EQ(bank->completer()->completionCount(), 2);
    QTest::keyClick(bank->completer()->popup(), Qt::Key_Down);
    const AuditFilter filter
        = appliedBy([&] { QTest::keyClick(bank->completer()->popup(), Qt::Key_Return); });
    EXPECT_EQ(filter.bank, std::optional(QStringLiteral("tenant-a")));
}

TEST_F(FilterBarTest, DownArrowInTheBankFieldListsTheBanks)
{
    QSignalSpy wanted(&m_bar, &FilterBar::bankChoicesWanted);
    auto *bank = control<QLineEdit>("bankEdit");
    bank->setFocus();
    m_bar.setBankChoices({ "tenant-a", "tenant-b", "other" });
    QTest::keyClick(bank, Qt::Key_Down);
    EXPECT_TRUE(bank->completer()->popup()->isVisible());
    EXPECT_EQ(bank->completer()->completionCount(), 3);
    EXPECT_EQ(wanted.count(), 1);
    EXPECT_TRUE(bank->text().isEmpty());
}

TEST_F(FilterBarTest, FailedOnlyAppliesAsSoonAsItIsToggled)
{
    auto *failed = control<QCheckBox>("failedOnlyCheck");
    AuditFilter filter = appliedBy([&] { QTest::mouseClick(failed, Qt::LeftButton); });
    EXPECT_TRUE(filter.failedOnly);
    filter = appliedBy([&] { QTest::keyClick(failed, Qt::Key_Space); });
    EXPECT_FALSE(filter.failedOnly);
}

TEST_F(FilterBarTest, SearchTextIsKeptLiterally)
{
    auto *search = control<QLineEdit>("searchEdit");
    const QString typed = QStringLiteral(" 100%_done \\path\\ ");
    typeInto(search, typed);
    const AuditFilter filter = appliedBy([&] { QTest::keyClick(search, Qt::Key_Return); });
    EXPECT_EQ(filter.search, typed);
}

TEST_F(FilterBarTest, EnterOrApplyAppliesExactlyOnce)
{
    auto *search = control<QLineEdit>("searchEdit");
    typeInto(search, QStringLiteral("needle"));
    appliedBy([&] { QTest::keyClick(search, Qt::Key_Enter); });
    appliedBy([this] { QTest::mouseClick(control<QPushButton>("applyButton"), Qt::LeftButton); });
}

TEST_F(FilterBarTest, TypingInBankOrSearchDoesNotApplyBeforeEnter)
{
    QSignalSpy applied(&m_bar, &FilterBar::filterApplied);
    typeInto(control<QLineEdit>("bankEdit"), QStringLiteral("bank"));
    typeInto(control<QLineEdit>("searchEdit"), QStringLiteral("text"));
    EXPECT_EQ(applied.count(), 0);
}

TEST_F(FilterBarTest, PresetsCountBackFromNow)
{
    auto *range = control<QComboBox>("timeRangeCombo");
    range->setFocus();
    const std::pair<FilterBar::TimeRange, qint64> presets[] = {
        { FilterBar::TimeRange::LastHour, 3600 },
        { FilterBar::TimeRange::Last24Hours, 86400 },
        { FilterBar::TimeRange::Last7Days, 7 * 86400 },
        { FilterBar::TimeRange::Last30Days, 30 * 86400 },
    };
    for (const auto &[preset, seconds] : presets) {
        const AuditFilter filter = appliedBy([&] { QTest::keyClick(range, Qt::Key_Down); });
        EXPECT_EQ(m_bar.timeRange(), preset);
        ASSERT_TRUE(filter.since.has_value());
        EXPECT_NEAR(double(filter.since->usecsSinceEpoch()),
            double(nowUsecs() - seconds * kUsecsPerSecond), double(kUsecsPerSecond));
        EXPECT_FALSE(filter.until.has_value());
        // filter() reads the clock when called: a later call is never earlier.
        EXPECT_GE(m_bar.filter().since, filter.since);
    }
    const AuditFilter all = appliedBy([&] { QTest::keyClick(range, Qt::Key_Home); });
    EXPECT_FALSE(all.since.has_value());
    EXPECT_FALSE(all.until.has_value());
}

TEST_F(FilterBarTest, CustomRangeIsReadInTheChosenZone)
{
    m_bar.setTimeZone(QTimeZone("Europe/Berlin"));
    QSignalSpy applied(&m_bar, &FilterBar::filterApplied);
    chooseCustomRange();
    EXPECT_EQ(applied.count(), 0); // choosing "Custom" waits for the times
    EXPECT_TRUE(control<QWidget>("fromEdit")->isVisible());
    // The night Berlin moves its clocks from 02:00 CET to 03:00 CEST: half an hour.
    typeTime("fromCheck", "20260329013000");
    typeTime("untilCheck", "20260329030000");
    const AuditFilter filter
        = appliedBy([this] { QTest::keyClick(control<QWidget>("untilEdit"), Qt::Key_Return); });
    EXPECT_EQ(filter.since, std::optional(utc("2026-03-29T00:30:00Z")));
    EXPECT_EQ(filter.until, std::optional(utc("2026-03-29T01:00:00Z")));
}

TEST_F(FilterBarTest, ChoosingCustomRangeLetsTheUserTypeTheFromTimeAtOnce)
{
    m_bar.setTimeZone(QTimeZone::utc());
    chooseCustomRange();
    EXPECT_EQ(QApplication::focusWidget(), control<QWidget>("fromEdit"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("20260101000000"));
    EXPECT_EQ(m_bar.filter().since, std::optional(utc("2026-01-01T00:00:00Z")));
    // Tab order follows the bar: time range, then its pickers, then failed only.
    auto *range = control<QComboBox>("timeRangeCombo");
    range->setFocus();
    QTest::keyClick(range, Qt::Key_Tab);
    EXPECT_EQ(QApplication::focusWidget(), control<QWidget>("fromCheck"));
}

TEST_F(FilterBarTest, CustomTimeSkippedByDaylightSavingMovesForward)
{
    m_bar.setTimeZone(QTimeZone("Europe/Berlin"));
    chooseCustomRange();
    typeTime("fromCheck", "20260329023000"); // does not exist: 02:00 CET jumps to 03:00 CEST
    const AuditFilter filter
        = appliedBy([this] { QTest::keyClick(control<QWidget>("fromEdit"), Qt::Key_Return); });
    EXPECT_EQ(filter.since, std::optional(utc("2026-03-29T01:30:00Z"))); // 03:30 CEST
}

TEST_F(FilterBarTest, CustomRangeInUtcEndsExactlyAtUntil)
{
    m_bar.setTimeZone(QTimeZone::utc());
    chooseCustomRange();
    typeTime("fromCheck", "20260327101530");
    typeTime("untilCheck", "20260327110000");
    const AuditFilter filter = appliedBy(
        [this] { QTest::mouseClick(control<QPushButton>("applyButton"), Qt::LeftButton); });
    EXPECT_EQ(filter.since, std::optional(utc("2026-03-27T10:15:30Z")));
    // Until is exclusive: 11:00:00.000000 itself, not the end of that second or minute.
    EXPECT_EQ(filter.until, std::optional(utc("2026-03-27T11:00:00Z")));
}

TEST_F(FilterBarTest, OpenEndedCustomRangeHasNoUntil)
{
    m_bar.setTimeZone(QTimeZone::utc());
    chooseCustomRange();
    EXPECT_FALSE(control<QCheckBox>("untilCheck")->isChecked());
    typeTime("fromCheck", "20260327000000");
    const AuditFilter filter
        = appliedBy([this] { QTest::keyClick(control<QWidget>("fromEdit"), Qt::Key_Return); });
    EXPECT_EQ(filter.since, std::optional(utc("2026-03-27T00:00:00Z")));
    EXPECT_FALSE(filter.until.has_value());
}

TEST_F(FilterBarTest, InvalidCustomRangeIsShownAndNotApplied)
{
    m_bar.setTimeZone(QTimeZone::utc());
    chooseCustomRange();
    QSignalSpy applied(&m_bar, &FilterBar::filterApplied);
    typeTime("fromCheck", "20260327120000");
    typeTime("untilCheck", "20260327120000"); // until is exclusive: an empty range
    QTest::keyClick(control<QWidget>("untilEdit"), Qt::Key_Return);
    QTest::mouseClick(control<QPushButton>("applyButton"), Qt::LeftButton);
    EXPECT_EQ(applied.count(), 0);
    EXPECT_FALSE(m_bar.isRangeValid());
    EXPECT_TRUE(control<QLabel>("rangeError")->isVisible());
    EXPECT_FALSE(control<QPushButton>("applyButton")->isEnabled());

    // Other changes wait for a valid range too.
    QTest::mouseClick(control<QCheckBox>("failedOnlyCheck"), Qt::LeftButton);
    EXPECT_EQ(applied.count(), 0);

    typeTime("untilCheck", "20260327130000");
    EXPECT_TRUE(m_bar.isRangeValid());
    EXPECT_FALSE(control<QLabel>("rangeError")->isVisible());
    const AuditFilter filter
        = appliedBy([this] { QTest::keyClick(control<QWidget>("untilEdit"), Qt::Key_Return); });
    EXPECT_EQ(filter.until, std::optional(utc("2026-03-27T13:00:00Z")));
    EXPECT_TRUE(filter.failedOnly);
}

TEST_F(FilterBarTest, SetFilterRoundTripsThroughFilter)
{
    m_bar.setTimeZone(QTimeZone("Europe/Berlin"));
    AuditFilter wanted;
    wanted.actions = { "recall", "webhook_delivery", "retain" };
    wanted.transport = QStringLiteral("grpc");
    wanted.bank = QStringLiteral(" tenant/a b%_\\ ");
    wanted.since = utc("2026-03-27T10:15:30.123456Z");
    wanted.until = utc("2026-03-28T00:00:00.000001Z");
    wanted.failedOnly = true;
    wanted.search = QStringLiteral(" needle%_\\ ");
    QSignalSpy applied(&m_bar, &FilterBar::filterApplied);
    m_bar.setFilter(wanted);
    EXPECT_EQ(applied.count(), 0);
    EXPECT_EQ(m_bar.filter(), wanted);
    EXPECT_EQ(m_bar.timeRange(), FilterBar::TimeRange::Custom);
    EXPECT_EQ(control<QDateTimeEdit>("fromEdit")->text(), QStringLiteral("2026-03-27 11:15:30"));
    EXPECT_EQ(control<QComboBox>("transportCombo")->currentText(), QStringLiteral("grpc"));
    EXPECT_EQ(appliedBy([this] {
        QTest::mouseClick(control<QPushButton>("applyButton"), Qt::LeftButton);
    }),
        wanted);

    AuditFilter sinceOnly;
    sinceOnly.since = wanted.since;
    m_bar.setFilter(sinceOnly);
    EXPECT_EQ(m_bar.filter(), sinceOnly);
    EXPECT_FALSE(control<QCheckBox>("untilCheck")->isChecked());

    m_bar.setFilter(AuditFilter {});
    EXPECT_TRUE(m_bar.filter().isEmpty());
    EXPECT_EQ(m_bar.timeRange(), FilterBar::TimeRange::All);
}

TEST_F(FilterBarTest, ChangingTheZoneKeepsTheInstantsShown)
{
    m_bar.setTimeZone(QTimeZone::utc());
    AuditFilter wanted;
    wanted.since = utc("2026-07-01T10:00:00Z");
    m_bar.setFilter(wanted);
    auto *from = control<QDateTimeEdit>("fromEdit");
    EXPECT_EQ(from->text(), QStringLiteral("2026-07-01 10:00:00"));
    m_bar.setTimeZone(QTimeZone("Europe/Berlin"));
    EXPECT_EQ(from->text(), QStringLiteral("2026-07-01 12:00:00"));
    EXPECT_EQ(m_bar.filter().since, wanted.since);
}

TEST_F(FilterBarTest, ResetClearsEveryControlAndAppliesOnce)
{
    AuditFilter busy;
    busy.actions = { "retain" };
    busy.transport = QStringLiteral("mcp");
    busy.bank = QStringLiteral("tenant-a");
    busy.since = utc("2026-03-27T10:00:00Z");
    busy.until = utc("2026-03-27T09:00:00Z"); // even an invalid range
    busy.failedOnly = true;
    busy.search = QStringLiteral("needle");
    busy.minDurationMicros = 5'000'000;
    m_bar.setFilter(busy);
    const AuditFilter filter = appliedBy(
        [this] { QTest::mouseClick(control<QPushButton>("resetButton"), Qt::LeftButton); });
    EXPECT_TRUE(filter.isEmpty());
    EXPECT_TRUE(m_bar.filter().isEmpty());
    EXPECT_EQ(m_bar.timeRange(), FilterBar::TimeRange::All);
    EXPECT_EQ(actionsSummary(), QStringLiteral("All actions"));
    EXPECT_TRUE(control<QLineEdit>("bankEdit")->text().isEmpty());
    EXPECT_TRUE(control<QLineEdit>("searchEdit")->text().isEmpty());
    EXPECT_TRUE(control<QLineEdit>("minDurationEdit")->text().isEmpty());
    EXPECT_FALSE(control<QWidget>("fromEdit")->isVisible());
    EXPECT_TRUE(control<QPushButton>("applyButton")->isEnabled());
}

TEST_F(FilterBarTest, SlowerThanRoundTripsExactlyAndAppliesOnEnter)
{
    auto *edit = control<QLineEdit>("minDurationEdit");
    AuditFilter wanted;
    wanted.actions = { "recall" };
    wanted.minDurationMicros = 5'000'001;
    QSignalSpy applied(&m_bar, &FilterBar::filterApplied);
    m_bar.setFilter(wanted);
    EXPECT_EQ(applied.count(), 0);
    EXPECT_EQ(edit->text(), QStringLiteral("5.000001s"));
    EXPECT_EQ(m_bar.filter(), wanted);

    typeInto(edit, QStringLiteral("250ms"));
    EXPECT_EQ(applied.count(), 0); // typing alone applies nothing
    EXPECT_EQ(appliedBy([edit] { QTest::keyClick(edit, Qt::Key_Return); }).minDurationMicros,
        std::optional<qint64>(250'000));
    typeInto(edit, QStringLiteral("1.5 s"));
    EXPECT_EQ(appliedBy([this] {
        QTest::mouseClick(control<QPushButton>("applyButton"), Qt::LeftButton);
    }).minDurationMicros,
        std::optional<qint64>(1'500'000));
    typeInto(edit, QString()); // empty: no minimum
    EXPECT_EQ(appliedBy([edit] { QTest::keyClick(edit, Qt::Key_Return); }).minDurationMicros,
        std::nullopt);
}

TEST_F(FilterBarTest, InvalidDurationIsShownAndNotApplied)
{
    auto *edit = control<QLineEdit>("minDurationEdit");
    auto *apply = control<QPushButton>("applyButton");
    const QString validTip = edit->toolTip();
    EXPECT_TRUE(edit->styleSheet().isEmpty());
    QSignalSpy applied(&m_bar, &FilterBar::filterApplied);
    for (const QString &text :
        { QStringLiteral("5 parsecs"), QStringLiteral("-5s"), QStringLiteral("0.5us") }) {
        typeInto(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::mouseClick(apply, Qt::LeftButton);
        EXPECT_EQ(applied.count(), 0) << text.toStdString();
        EXPECT_TRUE(edit->styleSheet().contains(QLatin1String("border"))) << text.toStdString();
        EXPECT_TRUE(edit->toolTip().contains(text)) << edit->toolTip().toStdString();
        EXPECT_TRUE(edit->toolTip().contains(QLatin1String("250ms")))
            << edit->toolTip().toStdString();
        EXPECT_FALSE(apply->isEnabled());
    }
    typeInto(edit, QStringLiteral("2m"));
    EXPECT_TRUE(edit->styleSheet().isEmpty());
    EXPECT_EQ(edit->toolTip(), validTip);
    EXPECT_TRUE(apply->isEnabled());
    EXPECT_EQ(appliedBy([edit] { QTest::keyClick(edit, Qt::Key_Return); }).minDurationMicros,
        std::optional<qint64>(120'000'000));
}

TEST(FilterBar, WrapsTheSearchIntoASecondRowWhenNarrow)
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *bar = new FilterBar(&window);
    layout->addWidget(bar);
    layout->addStretch(1);
    window.resize(bar->sizeHint().width() + 100, 200);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto *actions = bar->findChild<QWidget *>(QStringLiteral("actionsCombo"));
    auto *search = bar->findChild<QWidget *>(QStringLiteral("searchEdit"));
    const auto rowOf = [bar](QWidget *w) { return w->mapTo(bar, QPoint(0, w->height() / 2)).y(); };
    EXPECT_TRUE(QTest::qWaitFor([&] { return rowOf(search) == rowOf(actions); }));

    window.resize(bar->minimumSizeHint().width() + 20, 200);
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return rowOf(search) > rowOf(actions) + actions->height() / 2; }));
    EXPECT_GE(search->width(), search->minimumSizeHint().width());
    EXPECT_LE(
        bar->findChild<QWidget *>(QStringLiteral("resetButton"))->geometry().right(), bar->width());
}
