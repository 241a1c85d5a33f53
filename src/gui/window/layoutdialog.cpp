#include "gui/window/layoutdialog.h"

#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/weekly/weeklyname.h"
#include "gui/widgets/jobrunner.h"
#include "core/settings.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <map>
#include <mutex>

namespace statescope::gui {

namespace {

std::mutex registryMutex;
std::map<QString, nlohmann::json> registry; // family -> remembered layout document

void remember(const QString &family, const std::optional<nlohmann::json> &doc)
{
    std::lock_guard lock(registryMutex);
    if (doc)
        registry[family] = *doc;
    else
        registry.erase(family);
}

QString summary(const layout::Layout &l)
{
    QStringList lines;
    for (const layout::KindSpec &s : layout::kindSpecs())
        if (const layout::Relation *r = l.find(s.kind)) {
            QString line = QStringLiteral("%1: %2").arg(QLatin1String(s.label), r->describe());
            if (const QStringList missing = r->missing(true); !missing.isEmpty())
                line += LayoutDialog::tr(" (no column for %1)").arg(missing.join(QStringLiteral(", ")));
            lines << line;
        }
    return lines.isEmpty() ? LayoutDialog::tr("No game data found.") : lines.join(QLatin1Char('\n'));
}

} // namespace

QString LayoutDialog::familyOf(const QString &database)
{
    const auto week = weekly::WeeklyName::parse(database);
    return week ? week->prefix() : database;
}

void LayoutDialog::installMappings()
{
    for (const QString &family : settings::layoutMappingFamilies()) {
        const QByteArray text = settings::layoutMapping(family);
        const nlohmann::json doc = nlohmann::json::parse(text.toStdString(), nullptr, false);
        if (!doc.is_discarded())
            remember(family, doc);
    }
    layout::setMappingProvider([](const QString &database) -> std::optional<nlohmann::json> {
        std::lock_guard lock(registryMutex);
        const auto it = registry.find(familyOf(database));
        if (it == registry.end())
            return std::nullopt;
        return it->second;
    });
}

LayoutDialog::LayoutDialog(const pg::ConnectionSettings &database, QWidget *parent)
    : QDialog(parent), m_db(database), m_family(familyOf(database.database())),
      m_text(new QPlainTextEdit(this)), m_status(new QLabel(this)), m_runner(new JobRunner(this))
{
    setObjectName(QStringLiteral("layoutDialog"));
    setWindowTitle(tr("Layout of %1").arg(database.database()));
    resize(760, 620);
    auto *intro = new QLabel(tr("Where the game's data lives in <b>%1</b>, as detected. Edit the tables "
                                "and columns if detection got them wrong, check, then remember the "
                                "mapping for the family <b>%2</b> (kept on this machine, never written "
                                "to the database).")
                                 .arg(database.database().toHtmlEscaped(), m_family.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("layoutText"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_status->setObjectName(QStringLiteral("layoutStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *checkButton = buttons->addButton(tr("&Check"), QDialogButtonBox::ActionRole);
    checkButton->setObjectName(QStringLiteral("checkLayout"));
    m_save = buttons->addButton(tr("&Remember for %1").arg(m_family), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("saveLayout"));
    m_forget = buttons->addButton(tr("&Forget the remembered mapping"), QDialogButtonBox::ActionRole);
    m_forget->setObjectName(QStringLiteral("forgetLayout"));
    m_forget->setEnabled(!settings::layoutMapping(m_family).isEmpty());
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(checkButton, &QPushButton::clicked, this, [this] { check(false); });
    connect(m_save, &QPushButton::clicked, this, [this] { check(true); });
    connect(m_forget, &QPushButton::clicked, this, &LayoutDialog::forget);
    auto *v = new QVBoxLayout(this);
    v->addWidget(intro);
    v->addWidget(m_text, 1);
    v->addWidget(m_status);
    v->addWidget(buttons);
    load();
}

void LayoutDialog::load()
{
    const pg::ConnectionSettings db = m_db;
    m_status->setText(tr("Reading the catalog..."));
    m_runner->start<QString>(
        tr("Reading the layout of %1").arg(db.database()),
        [db](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return QString::fromStdString(layout::of(*conn)->toJson().dump(2));
        },
        [this](const Outcome<QString> &r) {
            if (!r.ok()) {
                m_status->setText(r.error().oneLine());
                return;
            }
            m_text->setPlainText(r.value());
            m_status->setText(tr("Detected (or as remembered). Check after editing."));
        });
}

void LayoutDialog::check(bool thenSave)
{
    const QByteArray text = m_text->toPlainText().toUtf8();
    const nlohmann::json doc = nlohmann::json::parse(text.toStdString(), nullptr, false);
    if (doc.is_discarded()) {
        m_status->setText(tr("Not valid JSON; nothing was checked or remembered."));
        return;
    }
    const pg::ConnectionSettings db = m_db;
    m_status->setText(tr("Checking against %1...").arg(db.database()));
    m_runner->start<QString>(
        tr("Checking the layout"),
        [db, doc](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            layout::applyOverride(*conn, doc, QStringLiteral("saved mapping"));
            return summary(*layout::of(*conn));
        },
        [this, thenSave, text, doc](const Outcome<QString> &r) {
            if (!r.ok()) {
                m_status->setText(tr("Not applied: %1").arg(r.error().oneLine()));
                return;
            }
            if (!thenSave) {
                m_status->setText(tr("It fits:\n%1").arg(r.value()));
                return;
            }
            settings::saveLayoutMapping(m_family, text);
            remember(m_family, doc);
            m_forget->setEnabled(true);
            m_status->setText(tr("Remembered for %1 (databases opened from now on):\n%2").arg(m_family, r.value()));
            emit mappingChanged(m_family);
        });
}

void LayoutDialog::forget()
{
    settings::forgetLayoutMapping(m_family);
    remember(m_family, std::nullopt);
    m_forget->setEnabled(false);
    m_status->setText(tr("Forgot the mapping of %1; detection applies again.").arg(m_family));
    emit mappingChanged(m_family);
    load();
}

} // namespace statescope::gui
