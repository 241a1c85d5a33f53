#pragma once

// The GUI audit's checks (issue 36): what a person walking through every pane at 1280x800 in
// light, dark and German would see wrong, found by a machine on real widgets.
//
// Each check looks at the widgets a window shows right now (visible to the window, on the
// tab in front) and reports findings; it never changes what it looks at, except that a
// cell's tooltip is asked for the way a hovering mouse asks.

#include <QHash>
#include <QList>
#include <QSize>
#include <QString>

class QAbstractItemView;
class QColor;
class QHeaderView;
class QObject;
class QWidget;

namespace statescope::test::audit {

struct Finding
{
    QString check; // "fit", "outside", "overlap", "cut", "contrast", "shortcut", "untranslated", "plural",
                   // "squeezed", "alike", "twice"
    QString where; // the widget's path of object names and classes
    QString what;
    QString line() const;
};

// WCAG 2 contrast ratio of two opaque colours, 1 to 21.
double contrast(const QColor &a, const QColor &b);

class Audit
{
public:
    explicit Audit(QSize screen, bool german) : m_screen(screen), m_german(german) {}

    // Every check on one top-level window as it is on screen; `context` names the state
    // ("Events, filter applied") in the findings.
    void check(QWidget *window, const QString &context);

    // Work under way (issue 62): every job of a pane in sight that runs now (a JobRunner's, a
    // statement streaming into a grid) is shown by a progress panel in sight, with how long it
    // has run and a Cancel that can be pressed. Called while jobs run; check() waits for none.
    void running(QWidget *window, const QString &context);

    // A finding of the caller's own check (one the window's widgets alone cannot tell).
    void report(const QString &check, const QWidget *w, const QString &what) { add(check, w, what); }

    const QList<Finding> &findings() const { return m_findings; }
    // How many widgets, cells and texts were looked at (so a run that saw nothing fails).
    int looked() const { return m_looked; }

private:
    void fits(QWidget *window);
    void inside(QWidget *window);
    void overlaps(QWidget *window);
    void cutLabelsAndButtons(QWidget *window);
    void charts(QWidget *window);
    void views(QWidget *window);
    void view(QAbstractItemView *view);
    struct CutCell
    {
        int column, width, need;
        QString text;
    };
    void roomToSpare(QAbstractItemView *v, const QHeaderView *header, const QHash<int, int> &needOf, const QList<CutCell> &cuts);
    void documents(QWidget *window);
    void labelContrast(QWidget *window);
    void iconContrast(QWidget *window);
    void shortcuts(QWidget *window);
    void disabledSaysWhy(QWidget *window);
    void words(QWidget *window);
    void saidOnce(QWidget *window);
    void placeholders(QWidget *window);
    void shortListsWhole(QWidget *window);
    void legends(QWidget *window);
    void rowsInSight(QWidget *window);
    void statusBar(QWidget *window);
    bool isPlural(const QString &text) const;
    void add(const QString &check, const QWidget *w, const QString &what);

    QSize m_screen;
    bool m_german;
    QString m_context;
    QList<Finding> m_findings;
    // Per button (by path): its tooltip when seen enabled, and when seen disabled.
    QHash<QString, QString> m_enabledTip, m_disabledTip;
    int m_looked = 0;
};

// The path of a widget for a finding: "MainWindow/eventsPane/QTableView".
QString pathOf(const QObject *o);

} // namespace statescope::test::audit
