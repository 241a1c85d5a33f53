#pragma once

#include "core/json/diff.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeView;

namespace statescope::models {
class DiffTreeModel;
}

namespace statescope::gui {

class JobRunner;
class ProgressPanel;

// Two JSON documents compared: the diff runs on the view's own worker thread (with a
// "Comparing…" state and Cancel), then a summary, the union tree with changes coloured
// (only changes by default; arrays optionally matched by identity key) and the RFC 6902
// patch as text. An invalid document shows its parse error instead.
class DiffView : public QWidget
{
    Q_OBJECT
public:
    explicit DiffView(QWidget *parent = nullptr);
    ~DiffView() override;

    void setDocuments(json::Document a, const QString &labelA, json::Document b,
                      const QString &labelB, const json::DiffOptions &options = {});

    bool isBusy() const;
    bool hasResult() const { return m_hasResult; }
    QString summaryText() const;
    QString messageText() const; // parse error, cancel or failure; empty otherwise
    const QByteArray &patch() const { return m_patch; }
    models::DiffTreeModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    JobRunner *runner() const { return m_runner; }

    // Nothing shown, and whatever is still being compared is dropped when it ends.
    void clear();

public slots:
    void cancel();

signals:
    // A comparison ended: shown, failed or cancelled.
    void finished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitKeyColumn();
    struct Computed
    {
        json::DiffResult result;
        QByteArray patch;
    };

    void buildUi();
    void compare();
    void showResult(const Computed &computed);
    void showMessage(const QString &message);
    void expandChanges(const QModelIndex &index, int depth);
    void copyPatch();

    json::Document m_a, m_b;
    QString m_labelA, m_labelB;
    json::DiffOptions m_options;
    int m_generation = 0;
    bool m_hasResult = false;
    QByteArray m_patch;

    JobRunner *m_runner;
    models::DiffTreeModel *m_model;
    ProgressPanel *m_progress;
    QLabel *m_message;
    QLabel *m_summary;
    QCheckBox *m_onlyChanges;
    QCheckBox *m_keyed;
    QTabWidget *m_tabs;
    QTreeView *m_tree;
    QPlainTextEdit *m_patchText;
    QPushButton *m_copy;
};

} // namespace statescope::gui
