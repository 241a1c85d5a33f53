#include "gui/events/filterbar.h"

#include "gui/widgets/elidinglabel.h"
#include "models/ink.h"
#include "gui/widgets/themed.h"

#include <QAction>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>

namespace statescope::gui {

using events::FieldError;

EventFilterBar::EventFilterBar(QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(0);

    m_endpoints = new QToolButton(this);
    m_endpoints->setObjectName(QStringLiteral("filterEndpoints"));
    m_endpoints->setPopupMode(QToolButton::InstantPopup);
    m_endpointMenu = new QMenu(m_endpoints);
    m_endpoints->setMenu(m_endpointMenu);
    grid->addWidget(new QLabel(tr("Endpoints"), this), 0, 0);
    grid->addWidget(m_endpoints, 1, 0);
    auto *endpointError = new ElidingLabel(this);
    grid->addWidget(endpointError, 2, 0);
    m_errors[FieldError::Field::Endpoints] = endpointError;
    updateEndpointButton();

    // Two bands of fields: what and when on the first, the payload on the second, so every
    // field has room for its example and the bar fits a laptop screen.
    m_status = addField(QStringLiteral("filterStatus"), tr("Status"), tr("404, 5xx, 429,5xx"),
                        FieldError::Field::Status, 0, 1);
    m_since = addField(QStringLiteral("filterSince"), tr("From (UTC)"), tr("2025-01-06 14:00"),
                       FieldError::Field::Since, 0, 2);
    m_until = addField(QStringLiteral("filterUntil"), tr("Until (UTC)"), tr("2025-01-06 15:00"),
                       FieldError::Field::Until, 0, 3);
    m_requestKey = addField(QStringLiteral("filterRequestKey"), tr("Request key contains"),
                            tr("/my/ships/"), FieldError::Field::RequestKey, 0, 4);
    m_contains = addField(QStringLiteral("filterContains"), tr("Payload contains (JSON)"),
                          tr("{\"data\": {\"symbol\": \"X\"}}"), FieldError::Field::Contains, 1, 0, 2);
    m_path = addField(QStringLiteral("filterPath"), tr("Payload matches (JSON path)"),
                      tr("$.data[*] ? (@.fuel.current == 0)"), FieldError::Field::JsonPath, 1, 2, 3);
    grid->setColumnStretch(4, 2);

    m_hash = new QLabel(this);
    m_hash->setObjectName(QStringLiteral("filterHash"));
    m_hash->setVisible(false);
    m_hash->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(m_hash, 5, 5, 1, 2);
    m_errors[FieldError::Field::Hash] = m_hash;

    auto *apply = new QPushButton(tr("Apply"), this);
    apply->setObjectName(QStringLiteral("filterApply"));
    apply->setToolTip(tr("Run the filter (Enter in any field)"));
    connect(apply, &QPushButton::clicked, this, &EventFilterBar::applied);
    auto *clear = new QPushButton(tr("Clear"), this);
    clear->setObjectName(QStringLiteral("filterClear"));
    connect(clear, &QPushButton::clicked, this, [this] {
        this->clear();
        emit applied();
    });
    grid->addWidget(apply, 4, 5);
    grid->addWidget(clear, 4, 6);
}

void EventFilterBar::clear()
{
    for (QLineEdit *e : {m_status, m_since, m_until, m_requestKey, m_contains, m_path})
        e->clear();
    for (QAction *a : m_endpointMenu->actions())
        a->setChecked(false);
    m_hashValue.clear();
    m_hash->setVisible(false);
    updateEndpointButton();
    clearErrors();
}

QLineEdit *EventFilterBar::addField(const QString &name, const QString &label,
                                    const QString &placeholder, FieldError::Field field, int band,
                                    int column, int span)
{
    const int row = band * 3;
    auto *layout = static_cast<QGridLayout *>(this->layout());
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    edit->setToolTip(tr("For example: %1").arg(placeholder));
    // Wide enough for its example, so the hint is never cut to "40…".
    edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(placeholder) + 36);
    auto *caption = new QLabel(label, this);
    caption->setBuddy(edit);
    // The error line keeps its place (one line, elided, whole text in the tooltip) whether
    // or not it has something to say, so the bar never reflows as you type.
    auto *error = new ElidingLabel(this);
    error->setObjectName(name + QStringLiteral("Error"));
    style::setInk(error, models::ink::Meaning::Danger);
    layout->addWidget(caption, row, column, 1, span);
    layout->addWidget(edit, row + 1, column, 1, span);
    layout->addWidget(error, row + 2, column, 1, span);
    m_errors[field] = error;
    connect(edit, &QLineEdit::returnPressed, this, &EventFilterBar::applied);
    connect(edit, &QLineEdit::textEdited, error, [error] { error->clear(); error->setToolTip({}); });
    connect(edit, &QLineEdit::textEdited, this, &EventFilterBar::edited);
    return edit;
}

QStringList EventFilterBar::setEndpoints(const std::vector<events::EndpointCount> &endpoints)
{
    QStringList checked;
    for (QAction *a : m_endpointMenu->actions())
        if (a->isChecked())
            checked << a->data().toString();
    m_endpointMenu->clear();
    const auto add = [this](const QString &endpoint, const QString &text, bool on) {
        auto *a = m_endpointMenu->addAction(text);
        a->setCheckable(true);
        a->setData(endpoint);
        a->setChecked(on);
        connect(a, &QAction::toggled, this, &EventFilterBar::updateEndpointButton);
        connect(a, &QAction::toggled, this, &EventFilterBar::edited);
    };
    QStringList absent = checked;
    for (const auto &e : endpoints) {
        add(e.endpoint, tr("%1  (≈%L2)").arg(e.endpoint).arg(e.estimate), checked.contains(e.endpoint));
        absent.removeAll(e.endpoint);
    }
    for (const QString &e : std::as_const(absent))
        add(e, tr("%1  (none in this database)").arg(e), true);
    updateEndpointButton();
    return absent;
}

void EventFilterBar::updateEndpointButton()
{
    QStringList chosen;
    for (QAction *a : m_endpointMenu->actions())
        if (a->isChecked())
            chosen << a->data().toString();
    m_endpoints->setText(chosen.isEmpty() ? tr("All endpoints")
                         : chosen.size() == 1 ? chosen.front()
                                              : tr("%n endpoints", nullptr, int(chosen.size())));
    m_endpoints->setToolTip(chosen.join(QLatin1Char('\n')));
}

void EventFilterBar::setPayloadHash(const QString &hash)
{
    m_hashValue = hash;
    m_hash->setText(tr("Only payload %1…").arg(hash.left(16)));
    m_hash->setToolTip(hash);
    m_hash->setVisible(!hash.isEmpty());
}

std::optional<events::EventFilter> EventFilterBar::filter()
{
    clearErrors();
    events::EventFilter f;
    for (QAction *a : m_endpointMenu->actions())
        if (a->isChecked())
            f.endpoints << a->data().toString();
    f.status = m_status->text();
    std::vector<FieldError> errors;
    auto time = [&](QLineEdit *edit, FieldError::Field field) -> std::optional<Timestamp> {
        if (edit->text().trimmed().isEmpty())
            return std::nullopt;
        const auto t = events::parseTime(edit->text());
        if (!t)
            errors.push_back({field, tr("Not a time: write 2025-01-06 14:02 (UTC) or ISO 8601 with an offset.")});
        return t;
    };
    f.since = time(m_since, FieldError::Field::Since);
    f.until = time(m_until, FieldError::Field::Until);
    f.requestKey = m_requestKey->text();
    f.contains = m_contains->text();
    f.jsonPath = m_path->text();
    f.payloadHash = m_hashValue;
    if (errors.empty())
        errors = events::validate(f);
    if (!errors.empty()) {
        setFieldErrors(errors);
        return std::nullopt;
    }
    return f;
}

void EventFilterBar::setFieldErrors(const std::vector<FieldError> &errors)
{
    for (const FieldError &e : errors) {
        QLabel *label = m_errors.at(e.field);
        label->setText(e.message);
        label->setToolTip(e.message);
        style::setInk(label, models::ink::Meaning::Danger);
        label->setVisible(true);
    }
}

QString EventFilterBar::errorText() const
{
    QStringList out;
    for (const auto &[field, label] : m_errors)
        if (field != FieldError::Field::Hash && !label->text().isEmpty())
            out << label->text();
    return out.join(QLatin1Char('\n'));
}

void EventFilterBar::clearErrors()
{
    for (auto &[field, label] : m_errors) {
        if (field == FieldError::Field::Hash)
            continue;
        label->clear();
        label->setToolTip({});
    }
}

} // namespace statescope::gui
