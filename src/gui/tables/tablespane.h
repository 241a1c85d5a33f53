#pragma once

#include "core/browse/rows.h"
#include "core/browse/rowsecurity.h"
#include "core/pg/connectionsettings.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace statescope::models {
class RowGridModel;
}

namespace statescope::gui {

class Banner;
class JobRunner;
class JsonView;
class ProgressPanel;

// Any table, partition, view or materialized view of the selected database, read-only:
// the lazy grid (keyset pages by its key, never OFFSET; a cursor when it has none), column
// filters bound as the column's type, sorting by any indexed column (header click), an
// exact count on request, JSON cells in the JSON viewer, bytea as hex with its size, NULL
// apart from "", copy as text, CSV or JSON, foreign keys followed with one click, export
// of the filtered rows (CSV or JSON Lines, streamed, cancellable); and the relation's
// details: columns, indexes, foreign keys both ways, triggers, policies, DDL.
class TablesPane : public QWidget
{
    Q_OBJECT
public:
    explicit TablesPane(QWidget *parent = nullptr);
    ~TablesPane() override;

    void setDatabase(const std::optional<pg::ConnectionSettings> &db);
    // Another week of the same family: the same table, filters, sort and tab there (or the
    // pane says that week has no such table or column).
    void switchWeek(const pg::ConnectionSettings &db);
    void openRelation(const QString &schema, const QString &name,
                      const QList<browse::Filter> &filters = {});

    // Follows the foreign key through the cell at index (this relation's column) to the
    // referenced row(s); false when the column is not part of one, or the row is not loaded.
    bool followForeignKey(const QModelIndex &index);
    // The selected rows (or cells' rows) as text: "tsv", "csv" or "json".
    QString copyText(const QString &format) const;
    void exportTo(const QString &path, bool json);

    models::RowGridModel *model() const { return m_model; }
    QTableView *grid() const { return m_grid; }
    QString relation() const; // schema.name, or ""
    QList<browse::Filter> filters() const { return m_filters; }
    Banner *banner() const { return m_banner; }
    JsonView *jsonView() const { return m_json; }
    QTextBrowser *detailsView() const { return m_details; }
    QPlainTextEdit *ddlView() const { return m_ddl; }

    // Row-level security: read every table as one player (the setting its policies read,
    // made in each transaction). Where this session bypasses the policies (superuser,
    // BYPASSRLS, owner without FORCE), the player becomes a filter on the policy's column
    // and the banner says so. An empty value: as yourself. False (and the banner says why)
    // for a setting no policy reads.
    bool setViewAs(const QString &setting, const QString &value);
    QString viewAsValue() const;
    QLineEdit *viewAsEdit() const;
    // The settings the database's policies read (empty until rowSecurityRead, or without any).
    QStringList viewAsSettings() const;
    // The filters the rows are read with: the chips, and the view-as filter of a bypassed
    // table.
    QList<browse::Filter> readingFilters() const;

signals:
    void rowSecurityRead(); // the database's row-level security is known (view-as shown or not)

    void exported(qint64 rows, const QString &path);

private:
    void reopen();
    void showDetails();
    void rebuildChips();
    void addFilter();
    void sortBy(int column);
    void showCell(const QModelIndex &index);
    void showMenu(const QPoint &at);

    // tables/viewas.cpp
    void buildViewAs(QHBoxLayout *row);
    void loadRowSecurity();
    void explainViewAs();

    std::optional<pg::ConnectionSettings> m_db;
    class ViewAsBar *m_viewAs = nullptr;
    QString m_schema, m_name;
    QList<browse::Filter> m_filters;
    browse::Order m_order;
    models::RowGridModel *m_model;
    QLabel *m_title;
    QLabel *m_count;
    QPushButton *m_countButton;
    QComboBox *m_column;
    QComboBox *m_op;
    QLineEdit *m_value;
    QHBoxLayout *m_chips;
    QTabWidget *m_tabs;
    QTableView *m_grid;
    JsonView *m_json;
    QTextBrowser *m_details;
    QPlainTextEdit *m_ddl;
    Banner *m_banner;
    JobRunner *m_jobs;
    ProgressPanel *m_progress;
    quint64 m_cellRequest = 0;
};

} // namespace statescope::gui
