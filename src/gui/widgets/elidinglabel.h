#pragma once

#include <QLabel>

namespace statescope::gui {

// A label for text that comes from the data or the server (a play's description, a dice
// roll's JSON, an error message), whose length no layout can promise room for. It draws as
// much of its text as fits in `lines` lines of its width, the last one ending in "…" when the
// text goes on; hovering it shows the whole text (CutTextTips). text() stays the whole text,
// for the tests, the clipboard and a screen reader. Its width is the layout's to give (the
// text never asks for more), so a long value never pushes the controls beside it away.
// Plain text only.
class ElidingLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidingLabel(QWidget *parent = nullptr, int lines = 1);

    int lines() const { return m_lines; }
    // What is drawn now: the text's lines as they fit the label's width.
    QString shownText() const;
    // Whether what is drawn is less than the whole text.
    bool isElided() const;

    // `text` laid out in at most `lines` lines of `width` pixels in `font`, the last one
    // elided; `elided` tells whether anything was left out.
    static QString fit(const QString &text, const QFont &font, int width, int lines, bool *elided = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int room() const;

    int m_lines;
};

} // namespace statescope::gui
