#include "gui/widgets/jsonview.h"

#include "models/ink.h"
#include "core/format.h"

#include "core/json/diff.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/jsontextpane.h"
#include "models/jsontreemodel.h"
#include "gui/widgets/themed.h"

#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QTabWidget>
#include <QToolButton>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace statescope::gui {

namespace {

// Raw text up to this size is parsed on the UI thread; bigger goes to the worker.
constexpr qsizetype kSyncParseBytes = 1024 * 1024;
// Descendants are counted (to offer "Expand all below") only inside a span this small.
constexpr qsizetype kCountableBytes = 1024 * 1024;

enum Tab { TreeTab, TextTab };

// Descendants of v, counting stops past limit; -1 when v is too big to count cheaply.
qsizetype countDescendants(const json::Document &doc, json::Value v, qsizetype limit)
{
    if (!v.isContainer() || v.end - v.begin > kCountableBytes)
        return v.isContainer() ? -1 : 0;
    qsizetype count = 0;
    std::vector<json::Document::ChildCursor> stack{doc.children(v)};
    json::Member member;
    while (!stack.empty()) {
        if (!stack.back().next(member)) {
            stack.pop_back();
            continue;
        }
        if (++count > limit)
            break;
        if (member.value.isContainer())
            stack.push_back(doc.children(member.value));
    }
    return count;
}

} // namespace

JsonView::JsonView(QWidget *parent)
    : QWidget(parent), m_model(new models::JsonTreeModel(this)), m_parser(new JobRunner(this)),
      m_searcher(new JobRunner(this)), m_title(new QLabel(this)), m_search(new QLineEdit(this)),
      m_hitsLabel(new QLabel(this)), m_status(new QLabel(this)), m_error(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_tree(new QTreeView(this)), m_text(new JsonTextPane(this))
{
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(m_search, 1);
    auto *previous = new QToolButton(this);
    previous->setArrowType(Qt::UpArrow);
    previous->setToolTip(tr("Previous match (Shift+F3)"));
    auto *next = new QToolButton(this);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next match (Enter, F3)"));
    bar->addWidget(previous);
    bar->addWidget(next);
    bar->addWidget(m_hitsLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);
    m_tabs->addTab(m_tree, tr("Tree"));
    m_tabs->addTab(m_text, tr("Text"));

    m_tabs->setObjectName(QStringLiteral("jsonTabs"));
    m_title->setObjectName(QStringLiteral("jsonTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->hide();
    m_search->setObjectName(QStringLiteral("jsonSearch"));
    m_search->setPlaceholderText(tr("Find in keys and values (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_hitsLabel->setObjectName(QStringLiteral("searchHits"));
    m_status->setObjectName(QStringLiteral("jsonStatus"));
    m_status->hide();
    m_error->setObjectName(QStringLiteral("parseError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    style::setInk(m_error, models::ink::Meaning::Danger);
    m_error->hide();

    m_tree->setObjectName(QStringLiteral("jsonTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(models::JsonTreeModel::Key, QHeaderView::Interactive);
    header->setSectionResizeMode(models::JsonTreeModel::Value, QHeaderView::Stretch);
    header->setSectionResizeMode(models::JsonTreeModel::Type, QHeaderView::ResizeToContents);
    header->resizeSection(models::JsonTreeModel::Key, fontMetrics().averageCharWidth() * 28);
    // A key column the person set by hand keeps its width from one document to the next.
    connect(header, &QHeaderView::sectionResized, this, [this](int section, int, int size) {
        // By hand: dragged with the mouse (Qt resizes sections itself as columns come and go).
        if (section == models::JsonTreeModel::Key && !m_sizingKeys && QGuiApplication::mouseButtons().testFlag(Qt::LeftButton))
            m_keyWidthByHand = size;
    });
    // Keys opened deeper (indented further) or a search hit's path: the column grows to hold
    // them, up to half the view, never shrinks under the person.
    connect(m_tree, &QTreeView::expanded, this, [this] { QTimer::singleShot(0, this, [this] { fitKeys(false); }); });
    // A document read while the tree was out of sight (another tab) was measured at no width.
    m_tree->viewport()->installEventFilter(this);

    buildActions();
    connect(m_search, &QLineEdit::returnPressed, this, &JsonView::findNext);
    connect(m_search, &QLineEdit::textEdited, this, [this] {
        if (m_searching)
            cancelSearch();
        m_hitsLabel->clear();
    });
    connect(next, &QToolButton::clicked, this, &JsonView::findNext);
    connect(previous, &QToolButton::clicked, this, &JsonView::findPrevious);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == TextTab && !m_textBuilt)
            showText();
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &JsonView::showContextMenu);
}

JsonView::~JsonView() = default;

void JsonView::buildActions()
{
    auto add = [this](QWidget *on, const QString &text, const QKeySequence &keys,
                      Qt::ShortcutContext context, auto slot) {
        auto *action = new QAction(text, on);
        action->setShortcut(keys);
        action->setShortcutContext(context);
        on->addAction(action);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add(this, tr("Find"), QKeySequence::Find, Qt::WidgetWithChildrenShortcut, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    add(this, tr("Find next"), QKeySequence(Qt::Key_F3), Qt::WidgetWithChildrenShortcut,
        &JsonView::findNext);
    add(this, tr("Find previous"), QKeySequence(Qt::SHIFT | Qt::Key_F3),
        Qt::WidgetWithChildrenShortcut, &JsonView::findPrevious);
    add(m_search, tr("Stop searching"), QKeySequence(Qt::Key_Escape), Qt::WidgetShortcut,
        &JsonView::cancelSearch);
    m_copyValue =
        add(m_tree, tr("Copy value"), QKeySequence::Copy, Qt::WidgetShortcut, &JsonView::copyValue);
    m_copyPath = add(m_tree, tr("Copy path"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                     Qt::WidgetShortcut, &JsonView::copyPath);
    m_copyPointer =
        add(m_tree, tr("Copy JSON Pointer"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P),
            Qt::WidgetShortcut, &JsonView::copyPointer);
}

bool JsonView::isBusy() const
{
    return m_parser->isBusy() || m_searcher->isBusy();
}

void JsonView::setTitle(const QString &title)
{
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
}

void JsonView::setDocument(json::Document document, const QString &title)
{
    ++m_generation;
    m_parser->cancel();
    m_status->hide();
    setTitle(title);
    if (document.isValid())
        showDocument(document);
    else
        showParseError(document);
}

void JsonView::clear(const QString &title)
{
    // Nothing to show is not a parse error: an empty view, no message.
    ++m_generation;
    m_parser->cancel();
    m_status->hide();
    setTitle(title);
    resetSearch();
    m_doc = {};
    m_model->setDocument({});
    m_error->hide();
    m_text->clear();
    m_textBuilt = true;
    m_tabs->setTabEnabled(TreeTab, true);
    m_tabs->setCurrentIndex(TreeTab);
}

void JsonView::setRawText(QByteArray bytes, const QString &sourceLabel)
{
    const quint64 generation = ++m_generation;
    m_parser->cancel();
    setTitle(sourceLabel);
    if (bytes.size() <= kSyncParseBytes) {
        m_status->hide();
        const json::Document document = json::Document::parse(std::move(bytes));
        document.isValid() ? showDocument(document) : showParseError(document);
        return;
    }
    resetSearch();
    m_doc = {};
    m_model->setDocument({});
    m_text->clear();
    m_textBuilt = false;
    m_error->hide();
    m_status->setText(tr("Parsing %1…").arg(format::bytes(bytes.size())));
    m_status->show();
    m_parser->start<json::Document>(
        tr("Parsing JSON"),
        [bytes = std::move(bytes)](TaskContext &) { return json::Document::parse(bytes); },
        [this, generation](const Outcome<json::Document> &outcome) {
            if (generation != m_generation)
                return; // a newer document replaced this one meanwhile
            m_status->hide();
            if (!outcome.ok()) {
                m_error->setText(outcome.error().message());
                m_error->show();
                emit documentShown();
                return;
            }
            const json::Document &document = outcome.value();
            document.isValid() ? showDocument(document) : showParseError(document);
        });
}

void JsonView::showDocument(const json::Document &document)
{
    resetSearch();
    m_doc = document;
    m_error->hide();
    m_model->setDocument(document);
    m_text->clear();
    m_textBuilt = false;
    if (!m_tabs->isTabEnabled(TreeTab)) { // coming back from a parse error
        m_tabs->setTabEnabled(TreeTab, true);
        m_tabs->setCurrentIndex(TreeTab);
    }
    const QModelIndex root = m_model->index(0, 0);
    m_tree->expand(root);
    m_tree->setCurrentIndex(root);
    // A wrapper with a single member ({"data": {...}}) opens too, a few levels down.
    QModelIndex only = root;
    for (int depth = 0; depth < 3; ++depth) {
        if (m_model->canFetchMore(only))
            m_model->fetchMore(only);
        if (m_model->rowCount(only) != 1)
            break;
        only = m_model->index(0, 0, only);
        m_tree->expand(only);
    }
    // Lays the tree out now (which fetches the root's first chunk) and measures the
    // rows in view, not the document.
    fitKeys(true);
    if (m_tabs->currentIndex() == TextTab)
        showText();
    emit documentShown();
}

void JsonView::fitKeys(bool newDocument)
{
    QHeaderView *header = m_tree->header();
    const int charWidth = fontMetrics().averageCharWidth();
    const int most = std::max(charWidth * 12, m_tree->viewport()->width() / 2);
    const int want = std::clamp(static_cast<QAbstractItemView *>(m_tree)->sizeHintForColumn(models::JsonTreeModel::Key), charWidth * 12, most);
    const int now = header->sectionSize(models::JsonTreeModel::Key);
    int width = newDocument ? want : std::max(now, want);
    if (m_keyWidthByHand > 0)
        width = std::max(m_keyWidthByHand, newDocument ? 0 : now);
    if (width == now)
        return;
    m_sizingKeys = true;
    header->resizeSection(models::JsonTreeModel::Key, width);
    m_sizingKeys = false;
}

bool JsonView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree->viewport() && (event->type() == QEvent::Show || event->type() == QEvent::Resize))
        QTimer::singleShot(0, this, [this] { fitKeys(false); });
    return QWidget::eventFilter(watched, event);
}

void JsonView::showParseError(const json::Document &document)
{
    resetSearch();
    m_doc = document;
    m_model->setDocument({});
    const json::ParseError error = document.error().value_or(json::ParseError{});
    m_error->setText(
        tr("Not valid JSON: %1 (line %2, column %3)")
            .arg(error.message, QString::number(error.line), QString::number(error.column)));
    m_error->show();
    m_textBuilt = false;
    m_tabs->setCurrentIndex(TextTab); // builds the text when the tab changes
    if (!m_textBuilt)
        showText();
    m_tabs->setTabEnabled(TreeTab, false);
    emit documentShown();
}

void JsonView::showText()
{
    m_textBuilt = true;
    if (m_doc.isValid())
        m_text->showPretty(m_doc);
    else if (m_doc.error())
        m_text->showRaw(m_doc.text(), *m_doc.error());
    else
        m_text->clear();
}

void JsonView::resetSearch()
{
    cancelSearch();
    m_hitsNeedle.clear();
    m_hits.clear();
    m_hitIndex = -1;
    m_hitsLabel->clear();
}

void JsonView::cancelSearch()
{
    if (!m_searching)
        return;
    ++m_searchGeneration; // the cancelled run's result, if it still comes, is dropped
    m_searcher->cancel();
    m_searching = false;
    m_hitsNeedle.clear();
    m_hitsLabel->setText(tr("Search stopped"));
}

void JsonView::findNext()
{
    step(+1);
}

void JsonView::findPrevious()
{
    step(-1);
}

void JsonView::step(int direction)
{
    const QString needle = m_search->text();
    if (needle.isEmpty() || !m_doc.isValid())
        return;
    if (needle != m_hitsNeedle) {
        startSearch(needle, direction);
        return;
    }
    if (m_searching || m_hits.empty())
        return;
    const int n = int(m_hits.size());
    m_hitIndex = ((m_hitIndex + direction) % n + n) % n;
    showHit();
}

void JsonView::startSearch(const QString &needle, int direction)
{
    cancelSearch();
    const quint64 generation = ++m_searchGeneration;
    m_hitsNeedle = needle;
    m_hits.clear();
    m_hitIndex = -1;
    m_searching = true;
    m_hitsLabel->setText(tr("Searching…"));
    m_searcher->start<Hits>(
        tr("Searching JSON"),
        [doc = m_doc, needle](TaskContext &context) {
            Hits hits = json::find(doc, needle, kMaxHits, &context.cancelToken());
            context.throwIfCancelled();
            return hits;
        },
        [this, generation, direction](const Outcome<Hits> &outcome) {
            if (generation != m_searchGeneration)
                return;
            m_searching = false;
            if (!outcome.ok()) {
                m_hitsNeedle.clear();
                m_hitsLabel->setText(outcome.cancelled() ? tr("Search stopped")
                                                         : outcome.error().message());
                return;
            }
            m_hits = outcome.value();
            m_hitIndex = m_hits.empty() ? -1 : direction > 0 ? 0 : int(m_hits.size()) - 1;
            showHit();
            emit searchFinished(int(m_hits.size()));
        });
}

void JsonView::showHit()
{
    if (m_hitIndex < 0) {
        m_hitsLabel->setText(tr("No matches"));
        return;
    }
    const int n = int(m_hits.size());
    const QString total = n >= kMaxHits ? tr("%1+").arg(n) : QString::number(n);
    m_hitsLabel->setText(tr("%1 of %2").arg(m_hitIndex + 1).arg(total));
    const QModelIndex index = m_model->indexForChildPath(m_hits[size_t(m_hitIndex)]);
    if (!index.isValid())
        return;
    std::vector<QModelIndex> ancestors;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        ancestors.push_back(p);
    for (auto it = ancestors.rbegin(); it != ancestors.rend(); ++it)
        m_tree->expand(*it);
    m_tabs->setCurrentIndex(TreeTab);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void JsonView::copyValue()
{
    const auto value = m_model->valueOf(m_tree->currentIndex());
    if (value)
        QGuiApplication::clipboard()->setText(QString::fromUtf8(m_doc.raw(*value)));
}

void JsonView::copyPath()
{
    const QModelIndex index = m_tree->currentIndex();
    if (index.isValid())
        QGuiApplication::clipboard()->setText(json::toJsonPath(m_model->pathOf(index)));
}

void JsonView::copyPointer()
{
    const QModelIndex index = m_tree->currentIndex();
    if (index.isValid())
        QGuiApplication::clipboard()->setText(json::toPointer(m_model->pathOf(index)));
}

bool JsonView::canExpandAll(const QModelIndex &index) const
{
    const auto value = m_model->valueOf(index);
    if (!value || !value->isContainer())
        return false;
    const qsizetype count = countDescendants(m_doc, *value, kExpandAllLimit);
    return count >= 0 && count <= kExpandAllLimit;
}

void JsonView::expandAllBelow(const QModelIndex &index)
{
    // expandRecursively() only walks rows that exist, so load the (small) subtree first.
    m_model->fetchAll(index, kExpandAllLimit);
    m_tree->expandRecursively(index);
}

QMenu *JsonView::createContextMenu(const QModelIndex &at)
{
    const QModelIndex index = at.siblingAtColumn(0);
    auto *menu = new QMenu(this);
    menu->addAction(m_copyValue);
    menu->addAction(m_copyPath);
    menu->addAction(m_copyPointer);
    if (m_trackable && index.isValid()) {
        menu->addSeparator();
        const json::Path path = m_model->pathOf(index);
        const QString pointer = json::toPointer(path);
        auto *byPosition = menu->addAction(tr("Track this value"), this,
                                           [this, pointer] { emit trackRequested(pointer); });
        byPosition->setObjectName(QStringLiteral("trackByPosition"));
        if (const auto keyed = json::keyedJsonPath(m_doc, path)) {
            byPosition->setText(tr("Track this position (%1)").arg(pointer));
            auto *byKey = menu->addAction(tr("Track this element by its key"), this,
                                          [this, p = *keyed] { emit trackRequested(p); });
            byKey->setObjectName(QStringLiteral("trackByKey"));
            byKey->setToolTip(*keyed);
            menu->setToolTipsVisible(true);
        }
    }
    if (index.isValid() && m_model->hasChildren(index)) {
        menu->addSeparator();
        const QPersistentModelIndex target(index);
        if (canExpandAll(index))
            menu->addAction(tr("Expand all below"), this, [this, target] {
                if (target.isValid())
                    expandAllBelow(target);
            });
        else
            menu->addAction(tr("Expand one level"), this,
                            [this, target] { m_tree->expand(target); });
        menu->addAction(tr("Collapse"), this, [this, target] { m_tree->collapse(target); });
    }
    return menu;
}

void JsonView::showContextMenu(const QPoint &pos)
{
    const QModelIndex at = m_tree->indexAt(pos);
    if (!at.isValid())
        return;
    m_tree->setCurrentIndex(at.siblingAtColumn(0));
    QMenu *menu = createContextMenu(at);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace statescope::gui
