#include "gui/window/safetystrip.h"

#include "gui/widgets/style.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace statescope::gui {

SafetyStrip::SafetyStrip(QWidget *parent)
    : QWidget(parent), m_band(new QLabel(this)), m_adminBar(new QWidget(this)),
      m_adminText(new QLabel(m_adminBar)), m_turnOff(new QPushButton(tr("Turn off"), m_adminBar))
{
    setObjectName(QStringLiteral("safetyStrip"));
    m_band->setObjectName(QStringLiteral("serverBand"));
    m_band->setAlignment(Qt::AlignCenter);
    m_band->setMargin(2);
    m_adminBar->setObjectName(QStringLiteral("adminBar"));
    m_adminText->setObjectName(QStringLiteral("adminBarText"));
    m_turnOff->setObjectName(QStringLiteral("adminOffButton"));
    // No mnemonic: every letter of it is a pane's own (Open…, Rosters…); Ctrl+Shift+A turns it off.
    m_turnOff->setToolTip(tr("Switch admin mode off (Ctrl+Shift+A)"));
    m_adminBar->setAutoFillBackground(true);
    auto *bar = new QHBoxLayout(m_adminBar);
    bar->setContentsMargins(10, 4, 6, 4);
    bar->addWidget(m_adminText, 1);
    bar->addWidget(m_turnOff);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_band);
    layout->addWidget(m_adminBar);
    connect(m_turnOff, &QPushButton::clicked, this, &SafetyStrip::turnOffAdminRequested);
    update();
}

void SafetyStrip::setServer(const QString &name, const QColor &colour, bool production)
{
    m_server = name;
    m_colour = colour;
    m_production = production;
    update();
}

void SafetyStrip::setAdminMode(bool on)
{
    m_admin = on;
    update();
}

bool SafetyStrip::isAdminBarShown() const
{
    return !m_adminBar->isHidden();
}

QString SafetyStrip::adminText() const
{
    return m_adminText->text();
}

QString SafetyStrip::serverBandText() const
{
    return m_band->isHidden() ? QString() : m_band->text();
}

void SafetyStrip::update()
{
    const QColor band = m_colour.isValid()
                            ? m_colour
                            : (m_production ? style::toneColour(style::Tone::Danger) : QColor());
    m_band->setVisible(band.isValid());
    if (band.isValid()) {
        m_band->setText(m_production ? tr("PRODUCTION \u2014 %1").arg(m_server) : m_server);
        m_band->setStyleSheet(QStringLiteral("#serverBand { background: %1; color: %2; "
                                             "font-weight: bold; }")
                                  .arg(band.name(), style::textOn(band).name()));
    }
    m_adminBar->setVisible(m_admin);
    if (m_admin) {
        const QColor admin = style::toneColour(style::Tone::Admin);
        m_adminBar->setStyleSheet(QStringLiteral("#adminBar { background: %1; } "
                                                 "#adminBarText { color: %2; font-weight: bold; }")
                                      .arg(admin.name(), style::textOn(admin).name()));
        m_adminText->setText(m_production
                                 ? tr("ADMIN MODE ON for %1 (PRODUCTION): changes are possible and "
                                      "audited.")
                                       .arg(m_server)
                                 : tr("ADMIN MODE ON for %1: changes are possible and audited.")
                                       .arg(m_server));
    }
}

} // namespace statescope::gui
