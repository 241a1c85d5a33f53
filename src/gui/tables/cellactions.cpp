// The Tables pane's cell actions: a cell shown whole (JSON in the viewer), a foreign key
// followed to the row it names, the selection copied as text, CSV, JSON or INSERTs, the context
// menu, and the export of the rows as CSV or JSON lines (through a .partial file).
#include "gui/tables/tablespane.h"

#include "core/format.h"
#include "core/json/document.h"
#include "core/partialfile.h"
#include "core/pg/connection.h"
#include "core/timestamp.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/jsonview.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/style.h"
#include "gui/widgets/tablewidgets.h"
#include "models/rowgridmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>

#include <limits>
#include <set>

namespace statescope::gui {

using browse::Filter;

using models::RowGridModel;

namespace {

QString csvField(const QString &v)
{
    if (!v.contains(QLatin1Char(',')) && !v.contains(QLatin1Char('"')) && !v.contains(QLatin1Char('\n')))
        return v;
    QString q = v;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

struct ExportDone
{
    qint64 rows = 0;
    qint64 bytes = 0;
};

} // namespace

void TablesPane::showCell(const QModelIndex &index)
{
    const browse::RelationDetails *d = m_model->details();
    const auto *row = m_model->rowAt(index.row());
    if (!d || !row || index.column() >= d->columns.size())
        return;
    const browse::ColumnInfo &c = d->columns[index.column()];
    const auto &cell = row->cells[size_t(index.column())];
    if (!c.isJson || !cell) {
        if (c.isJson)
            m_json->clear();
        return;
    }
    const QString label = tr("%1 of %2", "a column of a table").arg(c.name, d->relation.qualified());
    if (!row->cut[size_t(index.column())] || row->key.empty()) {
        m_json->setRawText(*cell, label);
        return;
    }
    // Cut for the grid: the whole value, fetched by the row's key.
    const quint64 request = ++m_cellRequest;
    const pg::ConnectionSettings db = *m_db;
    const browse::RelationDetails details = *d;
    const std::vector<QByteArray> key = row->key;
    m_jobs->start<QByteArray>(
        tr("Reading the whole value of %1").arg(c.name),
        [db, details, key, column = c.name](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            browse::RowSource src(*conn, details);
            return src.fullValue(key, column).value_or(QByteArray("null"));
        },
        [this, request, label](const Outcome<QByteArray> &r) {
            if (request != m_cellRequest)
                return;
            if (r.ok())
                m_json->setRawText(r.value(), label);
            else if (!r.cancelled())
                m_banner->showError(r.error(), m_db ? m_db->database() : QString());
        });
}

bool TablesPane::followForeignKey(const QModelIndex &index)
{
    const browse::RelationDetails *d = m_model->details();
    const auto *row = m_model->rowAt(index.row());
    if (!d || !row || index.column() >= d->columns.size())
        return false;
    const QString column = d->columns[index.column()].name;
    for (const browse::ForeignKey &k : d->foreignKeys) {
        if (!k.columns.contains(column))
            continue;
        QList<Filter> filters;
        for (int i = 0; i < k.columns.size(); ++i) {
            const int at = d->columnIndex(k.columns[i]);
            const auto &cell = row->cells[size_t(at)];
            if (!cell)
                return false; // a NULL reference points nowhere
            filters.append({k.toColumns.value(i), Filter::Op::Equals, QString::fromUtf8(*cell)});
        }
        openRelation(k.toSchema, k.toTable, filters);
        return true;
    }
    return false;
}

QString TablesPane::copyText(const QString &format) const
{
    const browse::RelationDetails *d = m_model->details();
    std::set<int> rows;
    std::set<int> columns;
    for (const QModelIndex &i : m_grid->selectionModel()->selectedIndexes()) {
        rows.insert(i.row());
        columns.insert(i.column());
    }
    if (rows.empty() && m_grid->currentIndex().isValid()) {
        rows.insert(m_grid->currentIndex().row());
        columns.insert(m_grid->currentIndex().column());
    }
    if (format != QLatin1String("tsv") || columns.size() > 1) {
        // Whole rows for CSV and JSON, and for a selection across columns.
        columns.clear();
        for (int c = 0; c < m_model->columnCount(); ++c)
            columns.insert(c);
    }
    const QStringList names = m_model->columnNames();
    QStringList lines;
    if (format == QLatin1String("csv")) {
        QStringList header;
        for (int c : columns)
            header << csvField(names.value(c));
        lines << header.join(QLatin1Char(','));
    }
    QJsonArray array;
    for (int r : rows) {
        const auto *row = m_model->rowAt(r);
        if (!row)
            continue;
        QStringList fields;
        QJsonObject object;
        for (int c : columns) {
            const auto &cell = row->cells[size_t(c)];
            const QString v = cell ? QString::fromUtf8(*cell) : QString();
            if (format == QLatin1String("json")) {
                const bool json = d && c < d->columns.size() && d->columns[c].isJson;
                object.insert(names.value(c), !cell ? QJsonValue(QJsonValue::Null)
                                              : json ? QJsonDocument::fromJson(*cell).isNull()
                                                           ? QJsonValue(v)
                                                           : QJsonValue::fromVariant(QJsonDocument::fromJson(*cell).toVariant())
                                                     : QJsonValue(v));
            } else {
                fields << (format == QLatin1String("csv") ? (cell ? csvField(v) : QString())
                                                          : (cell ? v : QStringLiteral("NULL")));
            }
        }
        if (format == QLatin1String("json"))
            array.append(object);
        else
            lines << fields.join(format == QLatin1String("csv") ? QLatin1Char(',') : QLatin1Char('\t'));
    }
    if (format == QLatin1String("json"))
        return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    return lines.join(QLatin1Char('\n'));
}

void TablesPane::showMenu(const QPoint &at)
{
    const QModelIndex index = m_grid->indexAt(at);
    QMenu menu(this);
    menu.addAction(style::icon(QStringLiteral("edit-copy")), tr("Copy"), this,
                   [this] { QApplication::clipboard()->setText(copyText(QStringLiteral("tsv"))); });
    menu.addAction(tr("Copy rows as CSV"), this,
                   [this] { QApplication::clipboard()->setText(copyText(QStringLiteral("csv"))); });
    menu.addAction(tr("Copy rows as JSON"), this,
                   [this] { QApplication::clipboard()->setText(copyText(QStringLiteral("json"))); });
    const browse::RelationDetails *d = m_model->details();
    if (d && index.isValid() && index.column() < d->columns.size()) {
        const QString column = d->columns[index.column()].name;
        for (const browse::ForeignKey &k : d->foreignKeys)
            if (k.columns.contains(column)) {
                menu.addSeparator();
                auto *follow = menu.addAction(style::icon(QStringLiteral("go-jump")),
                                              tr("Follow %1 → %2.%3").arg(column, k.toSchema, k.toTable), this,
                                              [this, index] { followForeignKey(index); });
                follow->setObjectName(QStringLiteral("followForeignKey"));
                break;
            }
    }
    menu.exec(m_grid->viewport()->mapToGlobal(at));
}

void TablesPane::exportTo(const QString &path, bool json)
{
    if (!m_db || m_name.isEmpty())
        return;
    const pg::ConnectionSettings db = *m_db;
    const QString schema = m_schema, name = m_name;
    const QList<Filter> filters = readingFilters();
    const browse::Order order = m_order;
    m_jobs->start<ExportDone>(
        tr("Exporting %1.%2 to %3").arg(schema, name, path),
        [db, schema, name, filters, order, path, json](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            browse::RowSource src(*conn, browse::readPagingDetails(*conn, schema, name));
            src.checkValues(filters);
            // FILE.partial, made exclusively (never through a link), renamed at the end; a
            // cancelled or failed export leaves no file.
            PartialFile partial(path);
            QFile &file = partial.file();
            ExportDone done;
            qint64 reportAt = 0;
            try {
                done.rows = src.copyOut(filters, order, json, [&](const char *data, int length) {
                    done.bytes += length;
                    if (done.bytes >= reportAt) {
                        ctx.progress(0, 0, tr("%1 written").arg(format::bytes(done.bytes)));
                        reportAt = done.bytes + (1 << 20);
                    }
                    return file.write(data, length) == length;
                });
                partial.commit();
            } catch (...) {
                partial.discard();
                throw;
            }
            return done;
        },
        [this, path](const Outcome<ExportDone> &r) {
            const QString db = m_db ? m_db->database() : QString();
            if (!r.ok()) {
                if (r.cancelled())
                    m_banner->showMessage(tr("Export cancelled; the partial file was removed."), db);
                else
                    m_banner->showError(r.error(), db);
                return;
            }
            m_banner->showSuccess(tr("Exported %L1 rows (%2) to %3").arg(r.value().rows).arg(format::bytes(r.value().bytes)).arg(path), db);
            emit exported(r.value().rows, path);
        });
}

} // namespace statescope::gui
