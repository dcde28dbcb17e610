#include "comparedialog.h"

#include "diffmodel.h"
#include "entryheader.h"
#include "jsondiff.h"
#include "secretmasker.h"
#include "theme.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrentRun>

#include <array>

namespace {

using Kind = JsonDiff::Kind;
using Side = JsonDiff::Side;

constexpr int documentCount = 3;
// Smaller pairs of entries are compared at once: faster than a round trip through the
// pool, and nothing flickers.
constexpr qsizetype compareInBackgroundFrom = 64 * 1024;
// Differences below a container of at most this many rows are shown unfolded.
constexpr int unfoldUpTo = 200;

// The three documents of both entries, compared.
struct Comparison
{
    std::array<JsonDiff, documentCount> diffs;
    int maskedCount = 0; // values SecretMasker hides (or would hide, when revealed)
};

Comparison compareEntries(const AuditEntryDetail &left, const AuditEntryDetail &right, bool reveal)
{
    const SecretMasker masker;
    Comparison comparison;
    const auto prepare = [&](const std::optional<QString> &stored) -> std::optional<QString> {
        if (!stored) {
            return std::nullopt;
        }
        int masked = 0;
        QString text = masker.mask(*stored, &masked);
        comparison.maskedCount += masked;
        return reveal ? *stored : text;
    };
    comparison.diffs[0] = JsonDiff::compare(prepare(left.request), prepare(right.request));
    comparison.diffs[1] = JsonDiff::compare(prepare(left.response), prepare(right.response));
    comparison.diffs[2] = JsonDiff::compare(prepare(left.metadata), prepare(right.metadata));
    return comparison;
}

qsizetype sizeOf(const AuditEntryDetail &detail)
{
    return detail.request.value_or(QString()).size() + detail.response.value_or(QString()).size()
        + detail.metadata.value_or(QString()).size();
}

} // namespace

struct CompareDialog::Private
{
    AuditEntryDetail left;
    AuditEntryDetail right;
    std::array<EntryHeader *, 2> headers { new EntryHeader, new EntryHeader };
    QTabWidget *tabs = new QTabWidget;
    std::array<QTreeView *, documentCount> views {};
    std::array<DiffModel *, documentCount> models {};
    std::array<QLabel *, documentCount> notices {};
    QCheckBox *hideIdentical = new QCheckBox(CompareDialog::tr("Hide identical"));
    QToolButton *expandAll = new QToolButton;
    QToolButton *collapseAll = new QToolButton;
    QPushButton *previous = new QPushButton(CompareDialog::tr("Previous"));
    QPushButton *next = new QPushButton(CompareDialog::tr("Next"));
    QLabel *summary = new QLabel;
    QLabel *maskedCount = new QLabel;
    QPushButton *reveal = new QPushButton(CompareDialog::tr("Reveal secrets"));
    QLabel *path = new QLabel;
    QPushButton *copyPath = new QPushButton(CompareDialog::tr("Copy path"));
    QPushButton *close = new QPushButton(CompareDialog::tr("Close"));
    QFutureWatcher<Comparison> *watcher = nullptr;
    bool comparing = false;
    int masked = 0;

    int current() const { return tabs->currentIndex(); }
    QTreeView *view() const { return views[size_t(current())]; }
    DiffModel *model() const { return models[size_t(current())]; }

    // Containers on the way to a difference are open, identical ones folded; a difference
    // that is a small container is open too.
    void unfold(size_t document)
    {
        QTreeView *view = views[document];
        const DiffModel *model = models[document];
        const std::vector<JsonDiff::Row> &rows = model->diff().rows();
        for (int row = 0; row < int(rows.size());) {
            const JsonDiff::Row &r = rows[size_t(row)];
            if (r.kind == Kind::Contains) {
                view->expand(model->indexOfRow(row));
            } else if (r.difference && r.end - row <= unfoldUpTo) {
                for (int inner = row; inner < r.end; ++inner) {
                    if (rows[size_t(inner)].end - inner > 1) {
                        view->expand(model->indexOfRow(inner));
                    }
                }
                row = r.end;
                continue;
            }
            ++row;
        }
    }

    // Makes a diff row current, opening the containers above it.
    void select(size_t document, int row)
    {
        QTreeView *view = views[document];
        const DiffModel *model = models[document];
        const std::vector<JsonDiff::Row> &rows = model->diff().rows();
        while (row >= 0 && !model->indexOfRow(row).isValid()) {
            row = rows[size_t(row)].parent; // hidden now: its nearest shown container
        }
        if (row < 0) {
            return;
        }
        for (int parent = rows[size_t(row)].parent; parent >= 0;
             parent = rows[size_t(parent)].parent) {
            const QModelIndex index = model->indexOfRow(parent);
            if (index.isValid()) {
                view->expand(index);
            }
        }
        const QModelIndex index = model->indexOfRow(row);
        view->setCurrentIndex(index);
        view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    }

    int currentRow(size_t document) const
    {
        const QModelIndex index = views[document]->currentIndex();
        return index.isValid() ? DiffModel::rowOf(index) : -1;
    }
};

CompareDialog::CompareDialog(
    const AuditEntryDetail &left, const AuditEntryDetail &right, QWidget *parent)
    : QDialog(parent)
    , d(std::make_unique<Private>())
{
    d->left = left;
    d->right = right;
    setModal(false);
    setSizeGripEnabled(true);
    // Entries of two tenants (possibly with equal ids) say which tenant each one is from.
    const bool twoTenants = left.entry.schema != right.entry.schema;
    const auto shortId = [twoTenants](const AuditEntryDetail &detail) {
        return (twoTenants ? EntryHeader::displayText(detail.entry.schema) + QLatin1Char('/')
                           : QString())
            + EntryHeader::displayText(detail.entry.action) + QLatin1Char(' ')
            + EntryHeader::displayText(detail.entry.id.left(8));
    };
    setWindowTitle(tr("Compare %1 \u2194 %2").arg(shortId(left), shortId(right)));
    buildDocumentPages();
    setUpTools();
    layOut();
    connectTools();
    resize(1240, 780);
    startComparison();
}

CompareDialog::~CompareDialog() = default;

void CompareDialog::buildDocumentPages()
{
    const std::array<QString, documentCount> titles { tr("Request"), tr("Response"),
        tr("Metadata") };
    const std::array<QString, documentCount> names { QStringLiteral("requestView"),
        QStringLiteral("responseView"), QStringLiteral("metadataView") };
    auto *copyLeft = new QAction(tr("Copy left value"), this);
    auto *copyRight = new QAction(tr("Copy right value"), this);
    auto *copyPath = new QAction(tr("Copy path"), this);
    copyPath->setShortcut(QKeySequence::Copy);
    copyPath->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    for (size_t i = 0; i < documentCount; ++i) {
        auto *page = new QWidget;
        auto *pageLayout = new QVBoxLayout(page);
        pageLayout->setContentsMargins(0, 4, 0, 0);
        auto *notice = new QLabel;
        notice->setTextFormat(Qt::PlainText);
        notice->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        notice->setObjectName(names[i] + QStringLiteral("Notice"));
        QPalette warning = notice->palette();
        warning.setColor(QPalette::WindowText, Theme::noticeText(warning));
        notice->setPalette(warning);
        notice->hide();
        auto *view = new QTreeView;
        view->setObjectName(names[i]);
        auto *model = new DiffModel(view);
        model->setPalette(view->palette());
        view->setModel(model);
        view->setUniformRowHeights(true);
        view->setAllColumnsShowFocus(true);
        view->setTextElideMode(Qt::ElideRight);
        view->setWordWrap(false);
        view->setIndentation(16);
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
        view->addActions({ copyPath, copyLeft, copyRight });
        QHeaderView *header = view->header();
        header->setStretchLastSection(false);
        header->setSectionResizeMode(DiffModel::KeyColumn, QHeaderView::Interactive);
        header->setSectionResizeMode(DiffModel::LeftColumn, QHeaderView::Stretch);
        header->setSectionResizeMode(DiffModel::RightColumn, QHeaderView::Stretch);
        header->resizeSection(DiffModel::KeyColumn, 240);
        pageLayout->addWidget(notice);
        pageLayout->addWidget(view, 1);
        d->tabs->addTab(page, titles[i]);
        d->views[i] = view;
        d->models[i] = model;
        d->notices[i] = notice;
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CompareDialog::updateSummary);
    }
    d->tabs->setObjectName(QStringLiteral("documents"));
    d->tabs->setDocumentMode(true);

    connect(copyPath, &QAction::triggered, this, &CompareDialog::copyCurrentPath);
    const auto copyValue = [this](Side side) {
        const QModelIndex index = d->view()->currentIndex();
        if (index.isValid()) {
            QGuiApplication::clipboard()->setText(
                d->model()->diff().json(DiffModel::rowOf(index), side).toString());
        }
    };
    connect(copyLeft, &QAction::triggered, this, [copyValue] { copyValue(Side::Left); });
    connect(copyRight, &QAction::triggered, this, [copyValue] { copyValue(Side::Right); });
}

void CompareDialog::setUpTools()
{
    d->hideIdentical->setObjectName(QStringLiteral("hideIdentical"));
    d->hideIdentical->setChecked(true);
    d->hideIdentical->setToolTip(tr("Show only the differences and the keys that lead to them"));
    d->expandAll->setObjectName(QStringLiteral("expandAll"));
    d->expandAll->setText(tr("Expand all"));
    d->expandAll->setAutoRaise(true);
    d->collapseAll->setObjectName(QStringLiteral("collapseAll"));
    d->collapseAll->setText(tr("Collapse all"));
    d->collapseAll->setAutoRaise(true);
    d->previous->setObjectName(QStringLiteral("previousDifference"));
    d->previous->setIcon(QIcon(QStringLiteral(":/icons/go-previous.svg")));
    d->previous->setToolTip(tr("The previous difference (Shift+F7)"));
    d->next->setObjectName(QStringLiteral("nextDifference"));
    d->next->setIcon(QIcon(QStringLiteral(":/icons/go-next.svg")));
    d->next->setToolTip(tr("The next difference (F7)"));
    d->summary->setObjectName(QStringLiteral("summary"));
    d->summary->setTextFormat(Qt::PlainText);
    d->maskedCount->setObjectName(QStringLiteral("maskedCount"));
    d->maskedCount->setTextFormat(Qt::PlainText);
    d->maskedCount->setForegroundRole(QPalette::PlaceholderText);
    d->reveal->setObjectName(QStringLiteral("revealSecrets"));
    d->reveal->setCheckable(true);
    d->reveal->setToolTip(tr("Compare the secret values as stored, for this window only"));
    d->path->setObjectName(QStringLiteral("currentPath"));
    d->path->setTextFormat(Qt::PlainText);
    d->path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    d->path->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    d->path->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    d->copyPath->setObjectName(QStringLiteral("copyPath"));
    d->copyPath->setToolTip(tr("Copy the JSON path of the current row (Ctrl+C)"));
    for (QPushButton *button : { d->previous, d->next, d->reveal, d->copyPath, d->close }) {
        button->setAutoDefault(false);
    }
}

void CompareDialog::layOut()
{
    auto *headers = new QHBoxLayout;
    const std::array<QString, 2> sides { tr("Left"), tr("Right") };
    for (size_t i = 0; i < d->headers.size(); ++i) {
        auto *box = new QGroupBox(sides[i]);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->addWidget(d->headers[i]);
        d->headers[i]->setEntry(i == 0 ? d->left.entry : d->right.entry);
        d->headers[i]->setObjectName(
            i == 0 ? QStringLiteral("leftHeader") : QStringLiteral("rightHeader"));
        headers->addWidget(box, 1);
    }
    auto *tools = new QHBoxLayout;
    tools->addWidget(d->hideIdentical);
    tools->addWidget(d->expandAll);
    tools->addWidget(d->collapseAll);
    tools->addSpacing(12);
    tools->addWidget(d->previous);
    tools->addWidget(d->next);
    tools->addSpacing(12);
    tools->addWidget(d->summary);
    tools->addStretch(1);
    tools->addWidget(d->maskedCount);
    tools->addWidget(d->reveal);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(d->path, 1);
    bottom->addWidget(d->copyPath);
    bottom->addWidget(d->close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(headers);
    layout->addLayout(tools);
    layout->addWidget(d->tabs, 1);
    layout->addLayout(bottom);
}

void CompareDialog::connectTools()
{
    connect(d->hideIdentical, &QCheckBox::toggled, this, [this](bool hide) {
        for (size_t i = 0; i < documentCount; ++i) {
            const int row = d->currentRow(i);
            d->models[i]->setHideIdentical(hide);
            d->unfold(i);
            d->select(i, row);
        }
        updateSummary();
    });
    connect(d->expandAll, &QToolButton::clicked, this, [this] { d->view()->expandAll(); });
    connect(d->collapseAll, &QToolButton::clicked, this, [this] { d->view()->collapseAll(); });
    connect(d->previous, &QPushButton::clicked, this, &CompareDialog::previousDifference);
    connect(d->next, &QPushButton::clicked, this, &CompareDialog::nextDifference);
    // Shortcuts of their own: a button's shortcut clicks it only after its press animation.
    connect(new QShortcut(QKeySequence(Qt::Key_F7), this), &QShortcut::activated, this,
        &CompareDialog::nextDifference);
    connect(new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7), this), &QShortcut::activated, this,
        &CompareDialog::previousDifference);
    connect(d->reveal, &QPushButton::toggled, this, &CompareDialog::startComparison);
    connect(d->tabs, &QTabWidget::currentChanged, this, &CompareDialog::updateSummary);
    connect(d->copyPath, &QPushButton::clicked, this, &CompareDialog::copyCurrentPath);
    connect(d->close, &QPushButton::clicked, this, &QDialog::close);
}

void CompareDialog::setUtc(bool utc)
{
    for (EntryHeader *header : d->headers) {
        header->setUtc(utc);
    }
}

bool CompareDialog::isComparing() const
{
    return d->comparing;
}

QString CompareDialog::summaryText() const
{
    return d->summary->text();
}

void CompareDialog::showDocument(Document document)
{
    d->tabs->setCurrentIndex(int(document));
}

void CompareDialog::startComparison()
{
    const bool reveal = d->reveal->isChecked();
    const auto present = [this](const Comparison &comparison) {
        d->comparing = false;
        d->masked = comparison.maskedCount;
        const std::array<QString, documentCount> titles { tr("Request"), tr("Response"),
            tr("Metadata") };
        for (size_t i = 0; i < documentCount; ++i) {
            const JsonDiff &diff = comparison.diffs[i];
            // After Reveal the rows are the same unless a masked container was opened.
            const bool sameRows = d->models[i]->diff().rows().size() == diff.rows().size();
            const int row = sameRows ? d->currentRow(i) : -1;
            d->models[i]->setDiff(diff, d->hideIdentical->isChecked());
            d->unfold(i);
            d->select(i, row >= 0 ? row : diff.nextDifference(-1));
            QStringList invalid;
            for (const Side side : { Side::Left, Side::Right }) {
                if (!diff.isValid(side)) {
                    invalid.append(side == Side::Left
                            ? tr("The left document is not valid JSON (%1).").arg(diff.error(side))
                            : tr("The right document is not valid JSON (%1).")
                                  .arg(diff.error(side)));
                }
            }
            if (!invalid.isEmpty()) {
                invalid.append(tr("The documents are compared as text."));
            }
            d->notices[i]->setText(invalid.join(QLatin1Char(' ')));
            d->notices[i]->setVisible(!invalid.isEmpty());
            const int total = diff.summary().total();
            d->tabs->setTabText(
                int(i), total == 0 ? titles[i] : tr("%1 (%2)").arg(titles[i]).arg(total));
        }
        d->tabs->setEnabled(true);
        updateSummary();
        emit comparisonFinished();
    };
    delete d->watcher;
    d->watcher = nullptr;
    if (sizeOf(d->left) + sizeOf(d->right) < compareInBackgroundFrom) {
        present(compareEntries(d->left, d->right, reveal));
        return;
    }
    d->comparing = true;
    d->tabs->setEnabled(false);
    updateSummary();
    // A watcher per comparison: the result of one that was replaced is never delivered.
    d->watcher = new QFutureWatcher<Comparison>(this);
    auto *watcher = d->watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, present] {
        if (watcher->future().resultCount() > 0) {
            present(watcher->result());
        }
    });
    watcher->setFuture(QtConcurrent::run([left = d->left, right = d->right, reveal] {
        return compareEntries(left, right, reveal);
    }));
}

void CompareDialog::nextDifference()
{
    const size_t document = size_t(d->current());
    const int row = d->model()->diff().nextDifference(d->currentRow(document));
    if (row >= 0) {
        d->select(document, row);
    }
}

void CompareDialog::previousDifference()
{
    const size_t document = size_t(d->current());
    const JsonDiff &diff = d->model()->diff();
    const int current = d->currentRow(document);
    const int row = diff.previousDifference(current < 0 ? int(diff.rows().size()) : current);
    if (row >= 0) {
        d->select(document, row);
    }
}

void CompareDialog::updateSummary()
{
    const size_t document = size_t(d->current());
    const JsonDiff &diff = d->model()->diff();
    const JsonDiff::Summary &summary = diff.summary();
    if (d->comparing) {
        d->summary->setText(tr("Comparing…"));
    } else if (summary.total() == 0) {
        d->summary->setText(tr("No differences"));
    } else {
        d->summary->setText(tr("%1 changed, %2 added, %3 removed")
                                .arg(summary.changed)
                                .arg(summary.added)
                                .arg(summary.removed));
    }
    const int row = d->currentRow(document);
    d->path->setText(row >= 0 ? diff.path(row) : QString());
    d->copyPath->setEnabled(row >= 0);
    const int last = int(diff.rows().size());
    d->next->setEnabled(!d->comparing && diff.nextDifference(row) >= 0);
    d->previous->setEnabled(!d->comparing && diff.previousDifference(row < 0 ? last : row) >= 0);
    if (d->masked == 0) {
        d->maskedCount->setText(d->comparing ? QString() : tr("No secrets found"));
    } else if (d->reveal->isChecked()) {
        d->maskedCount->setText(
            d->masked == 1 ? tr("1 value revealed") : tr("%n values revealed", nullptr, d->masked));
    } else {
        d->maskedCount->setText(
            d->masked == 1 ? tr("1 value hidden") : tr("%n values hidden", nullptr, d->masked));
    }
    d->reveal->setEnabled(d->masked > 0 || d->reveal->isChecked());
}

void CompareDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        // The tints are blended into the base colour: a new theme needs new ones.
        for (size_t i = 0; i < documentCount; ++i) {
            d->models[i]->setPalette(palette());
            d->views[i]->viewport()->update();
        }
    }
    QDialog::changeEvent(event);
}

void CompareDialog::copyCurrentPath()
{
    const QModelIndex index = d->view()->currentIndex();
    if (index.isValid()) {
        QGuiApplication::clipboard()->setText(index.data(PathRole).toString());
    }
}
