#include "gui/shards/setdialog.h"

#include "models/ink.h"

#include "core/error.h"
#include "gui/widgets/themed.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace statescope::gui {

namespace {
enum MemberColumn { ServerCol, DatabaseCol, ValuesCol };
}

ShardSetDialog::ShardSetDialog(const QList<QPair<QString, pg::ConnectionSettings>> &servers, QWidget *parent)
    : QDialog(parent), m_servers(servers), m_name(new QLineEdit(this)), m_rule(new QLineEdit(this)),
      m_column(new QLineEdit(QStringLiteral("shard_key"), this)), m_slots(new QSpinBox(this)),
      m_members(new QTableWidget(0, 3, this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("shardSetDialog"));
    setWindowTitle(tr("New shard set"));
    m_name->setObjectName(QStringLiteral("shardSetName"));
    m_name->setPlaceholderText(tr("marketland"));
    m_rule->setObjectName(QStringLiteral("shardSetRule"));
    m_rule->setPlaceholderText(tr("empty: the generation expression of the column below, read from the shards"));
    m_column->setObjectName(QStringLiteral("shardSetColumn"));
    m_slots->setObjectName(QStringLiteral("shardSetSlots"));
    m_slots->setRange(0, 1024);
    m_slots->setSpecialValueText(tr("from the rule's final % N"));
    m_members->setObjectName(QStringLiteral("shardSetMembers"));
    m_members->setHorizontalHeaderLabels({tr("Server"), tr("Database"), tr("Values")});
    m_members->horizontalHeader()->setStretchLastSection(true);
    m_members->verticalHeader()->hide();
    m_members->setToolTip(tr("Values: the rule's values the shard holds (\"0-3\", \"4,5\"); empty: its CHECK "
                             "constraint on the column says"));
    m_error->setObjectName(QStringLiteral("shardSetError"));
    m_error->setWordWrap(true);
    style::setInk(m_error, models::ink::Meaning::Danger);

    auto *add = new QPushButton(tr("&Add shard"), this);
    add->setObjectName(QStringLiteral("shardSetAddMember"));
    connect(add, &QPushButton::clicked, this, [this] { addMember(); });
    auto *remove = new QPushButton(tr("&Remove shard"), this);
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_members->currentRow() >= 0)
            m_members->removeRow(m_members->currentRow());
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ShardSetDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("R&ule:"), m_rule);
    form->addRow(tr("Rule &column:"), m_column);
    form->addRow(tr("&Values of the rule:"), m_slots);
    auto *memberButtons = new QHBoxLayout;
    memberButtons->addWidget(add);
    memberButtons->addWidget(remove);
    memberButtons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Shards (each database once; every value of the rule on exactly one):"), this));
    layout->addWidget(m_members, 1);
    layout->addLayout(memberButtons);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    if (servers.isEmpty())
        m_error->setText(tr("Open the servers that hold the shards first (File > Connect)."));
    addMember();
    addMember();
    resize(720, 460);
}

void ShardSetDialog::addMember(int server, const QString &database, const QString &values)
{
    const int row = m_members->rowCount();
    m_members->insertRow(row);
    auto *box = new QComboBox(m_members);
    for (const auto &[label, settings] : std::as_const(m_servers))
        box->addItem(label);
    if (!m_servers.isEmpty())
        box->setCurrentIndex(std::clamp(server, 0, int(m_servers.size()) - 1));
    m_members->setCellWidget(row, ServerCol, box);
    m_members->setItem(row, DatabaseCol, new QTableWidgetItem(database));
    m_members->setItem(row, ValuesCol, new QTableWidgetItem(values));
}

shard::ShardSet ShardSetDialog::set() const
{
    shard::ShardSet set;
    set.name = m_name->text().trimmed();
    set.rule.expression = m_rule->text().trimmed();
    set.rule.column = m_column->text().trimmed();
    set.rule.values = m_slots->value();
    for (int row = 0; row < m_members->rowCount(); ++row) {
        const auto *box = qobject_cast<QComboBox *>(m_members->cellWidget(row, ServerCol));
        const QString database = m_members->item(row, DatabaseCol) ? m_members->item(row, DatabaseCol)->text().trimmed() : QString();
        const QString values = m_members->item(row, ValuesCol) ? m_members->item(row, ValuesCol)->text().trimmed() : QString();
        if (database.isEmpty() && values.isEmpty())
            continue; // a row left empty
        if (!box || box->currentIndex() < 0 || box->currentIndex() >= m_servers.size())
            throw Error::invalidInput(tr("Shard %1 has no server: open the server that holds it first.").arg(row + 1));
        if (database.isEmpty())
            throw Error::invalidInput(tr("Shard %1 has no database.").arg(row + 1));
        shard::Member member;
        member.settings = m_servers.at(box->currentIndex()).second.withDatabase(database);
        member.settings.remove(QStringLiteral("password"));
        if (!values.isEmpty())
            member.values = shard::ShardSet::parseValues(values);
        set.members << member;
    }
    return set;
}

void ShardSetDialog::accept()
{
    try {
        set().validate();
    } catch (const Error &e) {
        m_error->setText(e.message() + (e.hint().isEmpty() ? QString() : QLatin1Char(' ') + e.hint()));
        return;
    }
    QDialog::accept();
}

} // namespace statescope::gui
