#pragma once

#include "core/events/eventstore.h"
#include "core/pg/connectionsettings.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace statescope::gui {

class DiffView;
class JobRunner;
class JsonView;

// The right-hand side of the Events pane for the selected event: its payload in the
// JSON viewer, the events sharing its payload, the history of its request key (distinct
// payloads only), and the diff of two events. Everything is fetched in the background
// on its own lane, so a big payload never holds up scrolling the table.
class EventDetail : public QWidget
{
    Q_OBJECT
public:
    explicit EventDetail(QWidget *parent = nullptr);
    ~EventDetail() override;

    void setDatabase(const pg::ConnectionSettings &db);
    void showEvent(const events::EventRow &row);
    void clear();
    // Compares the payloads of two events (a before b) in the Diff tab.
    void diffEvents(qint64 a, qint64 b);

    qint64 currentId() const { return m_id; }
    JsonView *jsonView() const { return m_json; }
    DiffView *diffView() const { return m_diff; }

signals:
    void jumpToEvent(qint64 id);
    void filterByHash(const QString &hash);
    void failed(const QString &message);

private:
    void loadRelated();
    void showHistory(const events::History &h);
    void compareHistoryRow(int row);

    pg::ConnectionSettings m_db;
    JobRunner *m_payloadJobs;
    JobRunner *m_relatedJobs;
    QTabWidget *m_tabs;
    JsonView *m_json;
    QLabel *m_duplicateCount;
    QTableWidget *m_duplicates;
    QPushButton *m_filterHash;
    QComboBox *m_historyBy;
    QLabel *m_historyTitle;
    QTableWidget *m_history;
    DiffView *m_diff;
    qint64 m_id = 0;
    QString m_hash;
    std::vector<events::HistoryEntry> m_entries;
};

} // namespace statescope::gui
