#include "gui/eventfilterbar.h"

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
    auto *endpointError = new QLabel(this);
    grid->addWidget(endpointError, 2, 0);
    m_errors[FieldError::Field::Endpoints] = endpointError;
    updateEndpointButton();

    m_status = addField(QStringLiteral("filterStatus"), tr("Status"), tr("404, 5xx, 429,5xx"),
                        FieldError::Field::Status, 1);
    m_since = addField(QStringLiteral("filterSince"), tr("From (UTC)"), tr("2025-01-06 14:00"),
                       FieldError::Field::Since, 2);
    m_until = addField(QStringLiteral("filterUntil"), tr("Until (UTC)"), tr("2025-01-06 15:00"),
                       FieldError::Field::Until, 3);
    m_requestKey = addField(QStringLiteral("filterRequestKey"), tr("Request key contains"),
                            tr("/my/ships/"), FieldError::Field::RequestKey, 4);
    m_contains = addField(QStringLiteral("filterContains"), tr("Payload contains (JSON)"),
                          tr("{\"data\": {\"symbol\": \"X\"}}"), FieldError::Field::Contains, 5);
    m_path = addField(QStringLiteral("filterPath"), tr("Payload matches (JSON path)"),
                      tr("$.data[*] ? (@.fuel.current == 0)"), FieldError::Field::JsonPath, 6);
    grid->setColumnStretch(5, 2);
    grid->setColumnStretch(6, 2);

    m_hash = new QLabel(this);
    m_hash->setObjectName(QStringLiteral("filterHash"));
    m_hash->setVisible(false);
    m_hash->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(m_hash, 2, 7, 1, 2);
    m_errors[FieldError::Field::Hash] = m_hash;

    auto *apply = new QPushButton(tr("Apply"), this);
    apply->setObjectName(QStringLiteral("filterApply"));
    apply->setToolTip(tr("Run the filter (Enter in any field)"));
    connect(apply, &QPushButton::clicked, this, &EventFilterBar::applied);
    auto *clear = new QPushButton(tr("Clear"), this);
    clear->setObjectName(QStringLiteral("filterClear"));
    connect(clear, &QPushButton::clicked, this, [this] {
        for (QLineEdit *e : {m_status, m_since, m_until, m_requestKey, m_contains, m_path})
            e->clear();
        for (QAction *a : m_endpointMenu->actions())
            a->setChecked(false);
        m_hashValue.clear();
        m_hash->setVisible(false);
        updateEndpointButton();
        clearErrors();
        emit applied();
    });
    grid->addWidget(apply, 1, 7);
    grid->addWidget(clear, 1, 8);
}

QLineEdit *EventFilterBar::addField(const QString &name, const QString &label,
                                    const QString &placeholder, FieldError::Field field, int column)
{
    auto *layout = static_cast<QGridLayout *>(this->layout());
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    auto *caption = new QLabel(label, this);
    caption->setBuddy(edit);
    auto *error = new QLabel(this);
    error->setObjectName(name + QStringLiteral("Error"));
    error->setStyleSheet(QStringLiteral("color: #b00020;"));
    error->setWordWrap(true);
    error->setVisible(false);
    layout->addWidget(caption, 0, column);
    layout->addWidget(edit, 1, column);
    layout->addWidget(error, 2, column);
    m_errors[field] = error;
    connect(edit, &QLineEdit::returnPressed, this, &EventFilterBar::applied);
    connect(edit, &QLineEdit::textEdited, error, [error] { error->setVisible(false); });
    return edit;
}

void EventFilterBar::setEndpoints(const std::vector<events::EndpointCount> &endpoints)
{
    QStringList checked;
    for (QAction *a : m_endpointMenu->actions())
        if (a->isChecked())
            checked << a->data().toString();
    m_endpointMenu->clear();
    for (const auto &e : endpoints) {
        auto *a = m_endpointMenu->addAction(tr("%1  (≈%L2)").arg(e.endpoint).arg(e.estimate));
        a->setCheckable(true);
        a->setData(e.endpoint);
        a->setChecked(checked.contains(e.endpoint));
        connect(a, &QAction::toggled, this, &EventFilterBar::updateEndpointButton);
    }
    updateEndpointButton();
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
    auto time = [&](QLineEdit *edit, FieldError::Field field) -> std::optional<QDateTime> {
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
        label->setStyleSheet(QStringLiteral("color: #b00020;"));
        label->setVisible(true);
    }
}

void EventFilterBar::clearErrors()
{
    for (auto &[field, label] : m_errors)
        if (field != FieldError::Field::Hash)
            label->setVisible(false);
}

} // namespace statescope::gui
