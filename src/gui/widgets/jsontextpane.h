#pragma once

#include "core/json/document.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace statescope::gui {

class JobRunner;

// The "Text" side of the JSON viewer: a read-only, highlighted editor that shows a
// document's pretty text, or an invalid document's raw text with the error marked. Big
// texts come kChunkBytes at a time ("Show more"), so a 50 MB document never becomes one
// 50 MB editor.
class JsonTextPane : public QWidget
{
    Q_OBJECT
public:
    static constexpr qsizetype kChunkBytes = 2 * 1024 * 1024;

    explicit JsonTextPane(QWidget *parent = nullptr);

    void showPretty(const json::Document &document);
    // The raw text around the error; the cursor sits at the error position.
    void showRaw(const QByteArray &text, const json::ParseError &error);
    void clear();

    QPlainTextEdit *editor() const { return m_edit; }
    bool hasMore() const;

signals:
    void textShown(); // a chunk arrived

private:
    enum class Mode { None, Pretty, Raw };

    void showMore();
    void requestPretty(qsizetype upTo);
    void takePretty(const QByteArray &text, bool truncated);
    void appendRaw(qsizetype atLeastTo);
    void append(QByteArrayView utf8);
    void markError(qsizetype offset);
    void setMore(bool more);

    Mode m_mode = Mode::None;
    json::Document m_doc;
    QByteArray m_raw;
    qsizetype m_rawStart = 0; // raw: first byte shown
    qsizetype m_shown = 0;    // bytes of the source (pretty or raw) now in the editor
    bool m_more = false;
    quint64 m_generation = 0;
    JobRunner *m_runner;
    QLabel *m_notice;
    QPlainTextEdit *m_edit;
    QPushButton *m_moreButton;
};

} // namespace statescope::gui
