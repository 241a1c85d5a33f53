#include "gui/widgets/diffview.h"

#include <QEvent>

#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "models/difftreemodel.h"

#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace statescope::gui {

namespace {

// Levels opened after a comparison, and how many changed rows per level are followed:
// enough to land on the changes of a typical state, never a walk of a big document.
constexpr int kExpandDepth = 4;
constexpr int kExpandRows = 50;
// Past this the text view would choke; Copy still copies the whole patch.
constexpr qsizetype kPatchShownBytes = 4 * 1024 * 1024;

using Status = models::DiffTreeModel::Status;

QString parseErrorText(const QString &label, const json::Document &doc)
{
    const json::ParseError &e = *doc.error();
    return DiffView::tr("%1 is not valid JSON: line %2, column %3: %4")
        .arg(label)
        .arg(e.line)
        .arg(e.column)
        .arg(e.message);
}

} // namespace

DiffView::DiffView(QWidget *parent)
    : QWidget(parent), m_runner(new JobRunner(this)), m_model(new models::DiffTreeModel(this)),
      m_progress(new ProgressPanel(this)), m_message(new QLabel(this)), m_summary(new QLabel(this)),
      m_onlyChanges(new QCheckBox(tr("Only changes"), this)),
      m_keyed(new QCheckBox(tr("Keyed arrays"), this)), m_tabs(new QTabWidget(this)),
      m_tree(new QTreeView(this)), m_patchText(new QPlainTextEdit(this)),
      m_copy(new QPushButton(tr("Copy"), this))
{
    buildUi();
}

DiffView::~DiffView() = default;

void DiffView::buildUi()
{
    m_message->setObjectName(QStringLiteral("diffMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_onlyChanges->setObjectName(QStringLiteral("onlyChanges"));
    m_onlyChanges->setChecked(true);
    m_onlyChanges->setToolTip(tr("Hide rows that are the same on both sides"));
    m_model->setOnlyChanges(true);
    m_keyed->setObjectName(QStringLiteral("keyedArrays"));
    m_keyed->setToolTip(tr("Match array elements that are objects by an identifying key "
                           "(ship_id, name, id, symbol) instead of by position"));

    m_tree->setObjectName(QStringLiteral("diffTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(false); // the status colours are the background
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setResizeContentsPrecision(0); // columns measured by the rows in sight
    m_tree->header()->setSectionResizeMode(models::DiffTreeModel::Before, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(models::DiffTreeModel::After, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(models::DiffTreeModel::Delta, QHeaderView::ResizeToContents);
    m_tree->setColumnWidth(models::DiffTreeModel::Key, 140);
    m_tree->setTextElideMode(Qt::ElideMiddle); // both ends of a value say the most
    // The keys take what they need up to a third of the width; both sides share the rest.
    m_tree->viewport()->installEventFilter(this);
    // Measured once the rows are laid out (at the reset itself no row is in view yet).
    connect(m_tree, &QTreeView::expanded, this, &DiffView::fitKeyColumn, Qt::QueuedConnection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DiffView::fitKeyColumn, Qt::QueuedConnection);

    m_patchText->setObjectName(QStringLiteral("patchText"));
    m_patchText->setReadOnly(true);
    m_patchText->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_patchText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copy->setObjectName(QStringLiteral("copyPatch"));
    m_copy->setToolTip(tr("Copy the whole patch to the clipboard"));

    auto *patchPage = new QWidget(this);
    auto *patchLayout = new QVBoxLayout(patchPage);
    patchLayout->addWidget(m_patchText, 1);
    auto *patchButtons = new QHBoxLayout;
    patchButtons->addStretch(1);
    patchButtons->addWidget(m_copy);
    patchLayout->addLayout(patchButtons);

    m_tabs->addTab(m_tree, tr("Tree"));
    m_tabs->addTab(patchPage, tr("Patch (RFC 6902)"));
    m_tabs->hide();

    m_summary->setWordWrap(true); // wraps at a narrow width rather than being cut
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_onlyChanges);
    bar->addWidget(m_keyed);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);

    m_progress->follow(m_runner);
    connect(m_onlyChanges, &QCheckBox::toggled, this, [this](bool on) {
        m_model->setOnlyChanges(on);
        if (m_hasResult)
            expandChanges(m_model->index(0, 0), 0);
    });
    connect(m_keyed, &QCheckBox::toggled, this, [this](bool on) {
        m_options.keyedArrays = on;
        if (m_a.isValid() && m_b.isValid())
            compare();
    });
    connect(m_copy, &QPushButton::clicked, this, &DiffView::copyPatch);
}

void DiffView::setDocuments(json::Document a, const QString &labelA, json::Document b,
                            const QString &labelB, const json::DiffOptions &options)
{
    m_a = std::move(a);
    m_b = std::move(b);
    m_labelA = labelA;
    m_labelB = labelB;
    m_options = options;
    {
        const QSignalBlocker block(m_keyed); // reflects the options, no second run
        m_keyed->setChecked(options.keyedArrays);
    }
    m_model->setLabels(labelA, labelB);
    QStringList errors;
    if (!m_a.isValid())
        errors << parseErrorText(labelA, m_a);
    if (!m_b.isValid())
        errors << parseErrorText(labelB, m_b);
    if (!errors.isEmpty()) {
        ++m_generation; // whatever is still running is stale now
        m_runner->cancel();
        showMessage(errors.join(QLatin1Char('\n')));
        emit finished();
        return;
    }
    compare();
}

void DiffView::compare()
{
    const int generation = ++m_generation;
    m_runner->cancel(); // an older comparison still running is no longer wanted
    m_hasResult = false;
    m_message->hide();
    m_tabs->hide();
    m_summary->setText(tr("Comparing…"));
    m_keyed->setEnabled(false);
    const json::Document a = m_a;
    const json::Document b = m_b;
    const json::DiffOptions options = m_options;
    m_runner->start<Computed>(
        tr("Comparing…"),
        [a, b, options](TaskContext &ctx) {
            Computed c;
            c.result = json::diff(a, a.root(), b, b.root(), options, &ctx.cancelToken());
            ctx.throwIfCancelled();
            c.patch = c.result.patch(b);
            return c;
        },
        [this, generation](const Outcome<Computed> &outcome) {
            if (generation != m_generation)
                return; // a newer request replaced this one
            m_keyed->setEnabled(true);
            if (outcome.ok())
                showResult(outcome.value());
            else if (outcome.cancelled())
                showMessage(tr("Comparison cancelled."));
            else
                showMessage(outcome.error().message());
            emit finished();
        });
}

void DiffView::cancel()
{
    m_runner->cancel();
}

void DiffView::fitKeyColumn()
{
    // The keys whole where the values beside them leave the room (a key of an array of ships
    // by id is long; its values often short), never under a third of the view nor over two.
    const int width = m_tree->viewport()->width();
    // Before and After keep what their values in view ask, up to a quarter of the view each
    // (longer values are cut, whole in their tooltips), the change its own width.
    auto *view = static_cast<QAbstractItemView *>(m_tree);
    const int values = std::min(width / 4, view->sizeHintForColumn(models::DiffTreeModel::Before))
                       + std::min(width / 4, view->sizeHintForColumn(models::DiffTreeModel::After))
                       + view->sizeHintForColumn(models::DiffTreeModel::Delta);
    const int most = std::clamp(width - values, std::max(100, width / 3), std::max(100, width * 2 / 3));
    m_tree->resizeColumnToContents(models::DiffTreeModel::Key);
    m_tree->setColumnWidth(models::DiffTreeModel::Key, std::clamp(m_tree->columnWidth(models::DiffTreeModel::Key), 100, most));
}

bool DiffView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize)
        fitKeyColumn();
    return QWidget::eventFilter(watched, event);
}

void DiffView::clear()
{
    ++m_generation;
    m_runner->cancel();
    m_a = {};
    m_b = {};
    showMessage(tr("Nothing to compare yet."));
    m_keyed->setEnabled(true);
}

bool DiffView::isBusy() const
{
    return m_runner->isBusy();
}

QString DiffView::summaryText() const
{
    return m_summary->text();
}

QString DiffView::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void DiffView::showMessage(const QString &message)
{
    m_hasResult = false;
    m_patch.clear();
    m_patchText->clear();
    m_model->clear();
    m_summary->clear();
    m_tabs->hide();
    m_message->setText(message);
    m_message->show();
}

void DiffView::showResult(const Computed &computed)
{
    int added = 0, removed = 0, changed = 0;
    for (const json::Change &c : computed.result.changes) {
        switch (c.op) {
        case json::Change::Op::Add:
            ++added;
            break;
        case json::Change::Op::Remove:
            ++removed;
            break;
        case json::Change::Op::Replace:
            ++changed;
            break;
        }
    }
    m_summary->setText(
        computed.result.changes.empty()
            ? tr("No differences.")
            : tr("%1 added, %2 removed, %3 changed").arg(added).arg(removed).arg(changed));
    m_patch = computed.patch;
    if (m_patch.size() > kPatchShownBytes)
        m_patchText->setPlainText(QString::fromUtf8(m_patch.left(kPatchShownBytes)) +
                                  tr("\n… (cut here; Copy copies the whole patch)"));
    else
        m_patchText->setPlainText(QString::fromUtf8(m_patch));
    m_model->setDiff(m_a, m_a.root(), m_b, m_b.root(), computed.result, m_options);
    m_hasResult = true;
    m_message->hide();
    m_tabs->show();
    expandChanges(m_model->index(0, 0), 0);
}

// Opens the rows that lead to changes, a few levels down, fetching their first chunk.
void DiffView::expandChanges(const QModelIndex &index, int depth)
{
    if (!index.isValid() || depth >= kExpandDepth)
        return;
    if (m_model->status(index) != Status::ContainsChanges)
        return;
    if (m_model->canFetchMore(index))
        m_model->fetchMore(index);
    m_tree->expand(index);
    int followed = 0;
    for (int row = 0; row < m_model->rowCount(index) && followed < kExpandRows; ++row) {
        const QModelIndex child = m_model->index(row, 0, index);
        if (m_model->status(child) == Status::ContainsChanges) {
            ++followed;
            expandChanges(child, depth + 1);
        }
    }
}

void DiffView::copyPatch()
{
    QGuiApplication::clipboard()->setText(QString::fromUtf8(m_patch));
}

} // namespace statescope::gui
