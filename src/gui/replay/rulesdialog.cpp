#include "gui/replay/rulesdialog.h"

#include "core/error.h"
#include "core/replay/rules.h"
#include "core/settings.h"
#include "core/weekly/weeklyname.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace statescope::gui {

using replay::GameRules;

RulesDialog::RulesDialog(const QString &database, QWidget *parent) : QDialog(parent), m_database(database)
{
    setWindowTitle(tr("League rules"));
    setObjectName(QStringLiteral("rulesDialog"));
    auto *intro = new QLabel(tr("The rules the plays of %1 follow that its tables do not say. Replay, the check, "
                                "the box score, the games list and rollback apply them; the command line "
                                "shares them.")
                                 .arg(database.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("rulesScope"));
    m_scope->addItem(tr("This database (%1)").arg(database), database);
    if (const auto name = weekly::WeeklyName::parse(database))
        m_scope->addItem(tr("Every week of %1").arg(name->prefix()), name->prefix());
    m_placed = new QCheckBox(tr("&Place a runner on second at the start of each half-inning from inning"), this);
    m_placed->setObjectName(QStringLiteral("placedRunner"));
    m_placedFrom = new QSpinBox(this);
    m_placedFrom->setObjectName(QStringLiteral("placedRunnerFrom"));
    m_placedFrom->setRange(GameRules::kMinPlacedInning, GameRules::kMaxPlacedInning);
    m_placedFrom->setValue(10);
    m_placedFrom->setAccessibleName(tr("First inning with a placed runner"));
    connect(m_placed, &QCheckBox::toggled, m_placedFrom, &QWidget::setEnabled);
    auto *placedRow = new QHBoxLayout;
    placedRow->addWidget(m_placed);
    placedRow->addWidget(m_placedFrom);
    placedRow->addStretch(1);
    m_designatedHitter = new QComboBox(this);
    m_designatedHitter->setObjectName(QStringLiteral("designatedHitter"));
    m_designatedHitter->addItem(tr("Not stated (not checked)"));
    m_designatedHitter->addItem(tr("Yes: a pitcher does not bat while his team has one"), true);
    m_designatedHitter->addItem(tr("No: no lineup has one"), false);
    m_inForce = new QLabel(this);
    m_inForce->setObjectName(QStringLiteral("rulesInForce"));
    m_inForce->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Stated for:"), m_scope);
    form->addRow(placedRow);
    form->addRow(tr("Designated hitter:"), m_designatedHitter);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    QPushButton *forgetButton = buttons->addButton(tr("&Forget these rules"), QDialogButtonBox::ResetRole);
    forgetButton->setObjectName(QStringLiteral("forgetRules"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RulesDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(forgetButton, &QPushButton::clicked, this, &RulesDialog::forget);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &RulesDialog::loadScope);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_inForce);
    layout->addStretch(1);
    layout->addWidget(buttons);
    // Open on the scope whose rules are in force (the family's when only it has some).
    const int inForce = m_scope->findData(replay::rulesScopeFor(database));
    m_scope->setCurrentIndex(inForce >= 0 ? inForce : 0);
    loadScope();
}

QString RulesDialog::scope() const
{
    return m_scope->currentData().toString();
}

void RulesDialog::loadScope()
{
    const GameRules rules = replay::statedRules(scope()).value_or(GameRules{});
    m_placed->setChecked(rules.placedRunnerFrom > 0);
    m_placedFrom->setEnabled(rules.placedRunnerFrom > 0);
    m_placedFrom->setValue(rules.placedRunnerFrom > 0 ? rules.placedRunnerFrom : 10);
    m_designatedHitter->setCurrentIndex(!rules.designatedHitter ? 0 : *rules.designatedHitter ? 1 : 2);
    const QString from = replay::rulesScopeFor(m_database);
    m_inForce->setText(from.isEmpty() ? tr("In force for %1 now: none stated.").arg(m_database)
                                      : tr("In force for %1 now: %2 (stated for %3).")
                                            .arg(m_database, replay::rulesFor(m_database).describe(), from));
}

void RulesDialog::save()
{
    GameRules rules;
    rules.placedRunnerFrom = m_placed->isChecked() ? m_placedFrom->value() : 0;
    const QVariant dh = m_designatedHitter->currentData();
    if (dh.isValid())
        rules.designatedHitter = dh.toBool();
    try {
        if (rules.isDefault())
            replay::forgetStatedRules(scope());
        else
            replay::stateRules(scope(), rules);
    } catch (const Error &e) {
        QMessageBox::warning(this, windowTitle(), e.message());
        return;
    }
    accept();
}

void RulesDialog::forget()
{
    replay::forgetStatedRules(scope());
    accept();
}

} // namespace statescope::gui
