#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace statescope::gui {

// The Replay pane's "League rules..." dialog: the rules the plays follow (core/replay/
// rules.h), stated for this database or for its whole family, in the settings the command
// line's `games rules` shares. Accepting writes them; "Forget" takes the scope's back.
class RulesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RulesDialog(const QString &database, QWidget *parent = nullptr);

    // The scope chosen: the database's name or its family's prefix.
    QString scope() const;

private:
    void loadScope();
    void save();
    void forget();

    QString m_database;
    QComboBox *m_scope = nullptr;
    QCheckBox *m_placed = nullptr;
    QSpinBox *m_placedFrom = nullptr;
    QComboBox *m_designatedHitter = nullptr;
    QLabel *m_inForce = nullptr;
};

} // namespace statescope::gui
