#pragma once

#include "core/events/eventfilter.h"
#include "core/events/eventstore.h"

#include <QWidget>

#include <map>

class QLabel;
class QLineEdit;
class QMenu;
class QToolButton;

namespace statescope::gui {

// The filter fields of the Events pane, each with its error shown right under it.
// Nothing leaves this bar until every field reads well (validate()); the pane then asks
// the server about the JSON path and containment before running anything.
class EventFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit EventFilterBar(QWidget *parent = nullptr);

    // The filter as typed; fields that do not parse are reported, not guessed.
    std::optional<events::EventFilter> filter();
    // The database's endpoints. One that was chosen and this database lacks (another week)
    // stays chosen, marked as absent, so the filter still says what it asks for; returned.
    QStringList setEndpoints(const std::vector<events::EndpointCount> &endpoints);
    void setFieldErrors(const std::vector<events::FieldError> &errors);
    void clearErrors();
    QString errorText() const; // what the fields' error lines say now ("" when none)
    // Every field empty, no endpoint ticked, no payload hash (nothing is applied).
    void clear();
    // Narrows to one payload hash (from the duplicates view); shown, and clearable.
    void setPayloadHash(const QString &hash);

signals:
    void applied(); // Enter in a field or the Apply button
    void edited();  // a field changed since: what is shown may no longer match it

private:
    QLineEdit *addField(const QString &name, const QString &label, const QString &placeholder,
                        events::FieldError::Field field, int band, int column, int span = 1);
    void updateEndpointButton();

    QToolButton *m_endpoints;
    QMenu *m_endpointMenu;
    QLineEdit *m_status, *m_since, *m_until, *m_requestKey, *m_contains, *m_path;
    QLabel *m_hash;
    QString m_hashValue;
    std::map<events::FieldError::Field, QLabel *> m_errors;
};

} // namespace statescope::gui
