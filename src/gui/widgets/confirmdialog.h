#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class ConfirmDialog;
}

namespace statescope::gui {

// The gate before anything destructive: shows what will happen, and enables OK only once
// the user has typed the exact name of what will be destroyed. Cancel is the default
// button; Enter in a typed field confirms only when everything is filled in as asked, and
// otherwise says what is missing (it never cancels silently).
class ConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    ConfirmDialog(const QString &title, const QString &summary, const QString &previewHtml,
                  const QString &expected, bool offerDump, QWidget *parent = nullptr);
    ~ConfirmDialog() override;

    QString reason() const;
    bool dumpFirst() const { return optionChecked(); }

    // The checkbox under the preview: "Take a dump first" unless set otherwise.
    void setOption(const QString &text, bool checked);
    bool optionChecked() const;
    // OK also waits for a non-empty reason.
    void setReasonRequired(bool required);

    // Why OK is not possible yet (empty: it is): shown when Enter is pressed too early.
    QString whyNotYet() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateOk();
    std::unique_ptr<Ui::ConfirmDialog> m_ui;
    QString m_expected;
    bool m_reasonRequired = false;
};

} // namespace statescope::gui
