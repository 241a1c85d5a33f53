#pragma once

#include <QDialog>

class QSpinBox;

namespace statescope::gui {

// Edits the dump retention setting (settings::DumpRetention) shared with the CLI: how many
// of each database's dumps stay, and how young a dump stays whatever its rank.
class RetentionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RetentionDialog(QWidget *parent = nullptr);
    void accept() override;

private:
    QSpinBox *m_keep;
    QSpinBox *m_minAge;
};

} // namespace statescope::gui
