#include "jsonpane.h"

#include "jsontextview.h"
#include "jsontreemodel.h"
#include "theme.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTextDocument>
#include <QThread>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// Smaller documents are formatted at once: faster than a round trip through the pool,
// and nothing flickers.
constexpr qsizetype formatInBackgroundFrom = 64 * 1024;

QToolButton *makeToggle(const QString &text, const QString &toolTip)
{
    auto *button = new QToolButton;
    button->setText(text);
    button->setToolTip(toolTip);
    button->setCheckable(true);
    button->setAutoRaise(true);
    return button;
}

} // namespace

JsonPane::JsonPane(QWidget *parent)
    : QWidget(parent)
    , m_textButton(makeToggle(tr("Text"), tr("Pretty-printed text")))
    , m_treeButton(makeToggle(tr("Tree"), tr("Expandable tree")))
    , m_wrap(new QCheckBox(tr("Wrap lines")))
    , m_findButton(new QToolButton)
    , m_status(new QLabel)
    , m_notice(new QLabel)
    , m_stack(new QStackedWidget)
    , m_text(new JsonTextView)
    , m_tree(new QTreeView)
    , m_model(new JsonTreeModel(this))
    , m_message(new QLabel)
    , m_copyValue(new QAction(tr("Copy value"), this))
    , m_copyPath(new QAction(tr("Copy JSON path"), this))
    , m_revealValue(new QAction(tr("Reveal this value"), this))
{
    auto *views = new QButtonGroup(this);
    views->addButton(m_textButton);
    views->addButton(m_treeButton);
    m_textButton->setChecked(true);
    m_textButton->setObjectName(QStringLiteral("textViewButton"));
    m_treeButton->setObjectName(QStringLiteral("treeViewButton"));
    m_wrap->setObjectName(QStringLiteral("wrapLines"));
    m_findButton->setText(tr("Find…"));
    m_findButton->setToolTip(tr("Find in this document (Ctrl+F)"));
    m_findButton->setAutoRaise(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    m_notice->setObjectName(QStringLiteral("jsonNotice"));
    m_notice->setTextFormat(Qt::PlainText);
    // One line that never widens the dialog; the whole sentence is in the tooltip.
    m_notice->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    QPalette warning = m_notice->palette();
    warning.setColor(QPalette::WindowText, Theme::noticeText(warning));
    m_notice->setPalette(warning);
    m_notice->hide();

    setUpTree();

    m_message->setObjectName(QStringLiteral("jsonPlaceholder"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    m_message->setAutoFillBackground(true);
    m_message->setBackgroundRole(QPalette::Base);

    layOut();
    connectControls();
    showPage();
}

JsonPane::~JsonPane() = default;

void JsonPane::setUpTree()
{
    m_tree->setModel(m_model);
    m_tree->setObjectName(QStringLiteral("jsonTree"));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    // Right-click makes the clicked row current, so the actions act on it.
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_copyValue->setShortcut(QKeySequence::Copy);
    m_copyValue->setShortcutContext(Qt::WidgetShortcut);
    m_copyPath->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyPath->setShortcutContext(Qt::WidgetShortcut);
    m_revealValue->setObjectName(QStringLiteral("revealTreeValue"));
    m_revealValue->setVisible(false);
    m_tree->addAction(m_revealValue);
    m_tree->addAction(m_copyValue);
    m_tree->addAction(m_copyPath);
    m_tree->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->header()->resizeSection(JsonTreeModel::KeyColumn, 220);
    m_tree->header()->resizeSection(JsonTreeModel::TypeColumn, 80);
}

void JsonPane::layOut()
{
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_message);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_textButton);
    bar->addWidget(m_treeButton);
    bar->addSpacing(12);
    bar->addWidget(m_wrap);
    bar->addWidget(m_findButton);
    bar->addStretch(1);
    bar->addWidget(m_status);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_notice);
    layout->addWidget(m_stack, 1);
}

void JsonPane::connectControls()
{
    connect(m_textButton, &QToolButton::clicked, this, [this] { setView(View::Text); });
    connect(m_treeButton, &QToolButton::clicked, this, [this] { setView(View::Tree); });
    connect(m_wrap, &QCheckBox::toggled, m_text, &JsonTextView::setWordWrap);
    connect(m_findButton, &QToolButton::clicked, this, &JsonPane::openFind);
    connect(m_text, &JsonTextView::revealRequested, this, &JsonPane::revealValue);
    connect(m_copyValue, &QAction::triggered, this, [this] {
        // A string's text as the operator reads it; anything else as JSON.
        copyFromTree(JsonTreeModel::ValueRole);
    });
    connect(
        m_copyPath, &QAction::triggered, this, [this] { copyFromTree(JsonTreeModel::PathRole); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &JsonPane::updateTreeReveal);
    connect(m_model, &QAbstractItemModel::modelReset, this, &JsonPane::updateTreeReveal);
    connect(m_revealValue, &QAction::triggered, this, [this] {
        const QModelIndex current = m_tree->currentIndex();
        const int ordinal = hiddenValueAt(current);
        if (ordinal >= 0) {
            // The tree is built again with the value revealed; the node stays in sight.
            m_treePathToRestore = current.data(JsonTreeModel::PathRole).toString();
            revealValue(ordinal);
        }
    });
}

void JsonPane::setDocument(const std::optional<QString> &stored, bool revealAll)
{
    m_hasEntry = true;
    m_stored = stored;
    m_revealed = RevealedValues { revealAll, {} };
    // Another entry's text must not stay on screen while this one is formatted.
    m_rendering = JsonRendering();
    m_text->setDocument(nullptr, QString());
    m_treeLoaded = false;
    m_model->clear();
    startRendering();
}

void JsonPane::setRevealed(bool revealAll)
{
    if (revealAll == m_revealed.all && (revealAll || m_revealed.ordinals.isEmpty())) {
        return;
    }
    m_revealed = RevealedValues { revealAll, {} };
    startRendering();
}

void JsonPane::revealValue(int ordinal)
{
    if (m_revealed.contains(ordinal)) {
        return;
    }
    m_revealed.ordinals.insert(ordinal);
    startRendering();
}

void JsonPane::setView(View view)
{
    m_view = view;
    (view == View::Text ? m_textButton : m_treeButton)->setChecked(true);
    showPage();
}

void JsonPane::openFind()
{
    if (isNull()) {
        return;
    }
    setView(View::Text);
    m_text->openFind();
}

QString JsonPane::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

QString JsonPane::placeholder() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : QString();
}

void JsonPane::startRendering()
{
    if (!m_stored) {
        delete m_watcher;
        m_watcher = nullptr;
        m_formatting = false;
        m_rendering = JsonRendering();
        showPage();
        emit formattingFinished();
        return;
    }
    JsonRenderer::Style style;
    style.font = m_text->editor()->font();
    style.dark = Theme::isDark(m_text->editor()->palette(), QPalette::Base);
    if (m_stored->size() < formatInBackgroundFrom) {
        delete m_watcher;
        m_watcher = nullptr;
        present(JsonRenderer::render(*m_stored, m_revealed, style));
        return;
    }
    style.wrap = m_wrap->isChecked();
    m_formatting = true;
    showPage();
    // A watcher per document: results of one that was replaced are never delivered.
    delete m_watcher;
    m_watcher = new QFutureWatcher<JsonRendering>(this);
    auto *watcher = m_watcher;
    connect(watcher, &QFutureWatcherBase::resultReadyAt, this, [this, watcher](int index) {
        if (watcher == m_watcher) {
            present(watcher->resultAt(index));
        }
    });
    watcher->setFuture(JsonRenderer::start(*m_stored, m_revealed, style, thread()));
}

void JsonPane::present(JsonRendering rendering)
{
    if (rendering.partial && m_rendering.document) {
        return; // revealing or masking again: the old text stays until the whole is ready
    }
    m_formatting = rendering.partial;
    m_rendering = std::move(rendering);
    m_text->setDocument(m_rendering.document, m_rendering.text);
    m_text->setMaskedSpans(m_rendering.maskedSpans);
    m_text->setShortenedLines(m_rendering.cuts, m_rendering.wholeText);
    m_treeLoaded = false;
    if (m_rendering.valid) {
        m_notice->hide();
    } else {
        m_notice->setText(
            tr("Not valid JSON (%1); shown as stored from there on.").arg(m_rendering.error));
        // Escaped: the error may quote characters of the document.
        m_notice->setToolTip(QStringLiteral("<qt>%1</qt>").arg(m_notice->text().toHtmlEscaped()));
        m_notice->show();
    }
    showPage();
    if (m_formatting) {
        emit firstLinesShown();
    } else {
        emit formattingFinished();
    }
}

void JsonPane::showPage()
{
    const bool hasDocument = m_rendering.document != nullptr;
    if (m_view == View::Tree && hasDocument && !m_treeLoaded) {
        // Indexing the tree costs time of its own: done when the tree is first looked at.
        m_treeValid = m_model->setDocument(m_rendering.json);
        m_treeLoaded = true;
        m_tree->expand(m_model->index(0, 0)); // "$" open: its first level is what one looks for
        if (m_treeValid && !m_treePathToRestore.isEmpty()) {
            selectTreePath(m_treePathToRestore);
        }
        m_treePathToRestore.clear();
    }
    QWidget *page = m_message;
    if (!m_hasEntry) {
        m_message->clear();
    } else if (!m_stored) {
        m_message->setText(tr("(none)"));
    } else if (!hasDocument) {
        m_message->setText(tr("Formatting…"));
    } else if (m_view == View::Text) {
        page = m_text;
    } else if (m_treeValid) {
        page = m_tree;
    } else {
        m_message->setText(tr("No tree: %1").arg(m_model->errorString()));
    }
    m_stack->setCurrentWidget(page);

    const bool text = m_view == View::Text;
    m_textButton->setEnabled(m_stored.has_value());
    m_treeButton->setEnabled(m_stored.has_value());
    m_wrap->setVisible(text);
    m_findButton->setVisible(text);
    m_wrap->setEnabled(hasDocument);
    m_findButton->setEnabled(hasDocument);
    if (m_formatting && hasDocument) {
        m_status->setText(tr("Formatting… the first %1 of %2 lines are shown", nullptr,
            static_cast<int>(m_rendering.lineCount))
                              .arg(QLocale().toString(m_rendering.document->blockCount()),
                                  QLocale().toString(m_rendering.lineCount)));
    } else if (m_formatting) {
        m_status->setText(tr("Formatting…"));
    } else if (hasDocument) {
        const int lines = m_rendering.document->blockCount();
        QString status = lines == 1 ? tr("1 line")
                                    : tr("%1 lines", nullptr, lines).arg(QLocale().toString(lines));
        const auto shortened = static_cast<int>(m_rendering.cuts.size());
        if (shortened > 0) {
            status = tr("%1, %n shortened", nullptr, shortened).arg(status);
        }
        m_status->setText(status);
    } else {
        m_status->clear();
    }
    m_status->setToolTip(m_rendering.cuts.empty()
            ? QString()
            : tr("Lines over %Ln characters show their start and end only; Find searches what "
                 "is shown. The Tree view, Copy value, Copy entry and Save have the whole "
                 "value.",
                nullptr, static_cast<int>(ShortenedText::maxLineLength)));
}

void JsonPane::copyFromTree(int role)
{
    const QModelIndex index = m_tree->currentIndex();
    if (index.isValid()) {
        QGuiApplication::clipboard()->setText(index.data(role).toString());
    }
}

int JsonPane::hiddenValueAt(const QModelIndex &index) const
{
    if (!index.isValid()
        || index.data(JsonTreeModel::TypeRole).toInt() != JsonTreeModel::StringType) {
        return -1;
    }
    const qsizetype start = index.data(JsonTreeModel::StartRole).toLongLong();
    const qsizetype end = index.data(JsonTreeModel::EndRole).toLongLong();
    const auto &hidden = m_rendering.hiddenInJson;
    const auto it = std::lower_bound(hidden.begin(), hidden.end(), start,
        [](const std::pair<qsizetype, int> &value, qsizetype at) { return value.first < at; });
    return it != hidden.end() && it->first < end ? it->second : -1;
}

void JsonPane::updateTreeReveal()
{
    m_revealValue->setVisible(hiddenValueAt(m_tree->currentIndex()) >= 0);
}

void JsonPane::selectTreePath(const QString &path)
{
    QModelIndex index = m_model->index(0, 0);
    while (index.isValid()) {
        if (index.data(JsonTreeModel::PathRole).toString() == path) {
            m_tree->setCurrentIndex(index);
            m_tree->scrollTo(index);
            return;
        }
        m_tree->expand(index);
        QModelIndex next;
        for (int row = 0; !next.isValid(); ++row) {
            while (row >= m_model->rowCount(index) && m_model->canFetchMore(index)) {
                m_model->fetchMore(index);
            }
            if (row >= m_model->rowCount(index)) {
                break;
            }
            const QModelIndex child = m_model->index(row, 0, index);
            const QString childPath = child.data(JsonTreeModel::PathRole).toString();
            if (path == childPath || path.startsWith(childPath + QLatin1Char('.'))
                || path.startsWith(childPath + QLatin1Char('['))) {
                next = child;
            }
        }
        index = next;
    }
}
