#pragma once

#include <QFile>
#include <QString>

namespace statescope {

// An export written as FILE.partial and given its name only when complete, so that a
// cancelled or failed one leaves no file and a file under its name is always whole.
// FILE.partial is created exclusively and never through a link (O_CREAT | O_EXCL |
// O_NOFOLLOW): a link planted there is refused, never written through; a regular file left
// there by an earlier export of the same user is replaced. commit() renames it over FILE in
// one step (a link at FILE is replaced, not followed); otherwise the destructor removes it.
class PartialFile
{
public:
    explicit PartialFile(const QString &path); // Error(Environment) when it cannot be made
    ~PartialFile();
    PartialFile(const PartialFile &) = delete;
    PartialFile &operator=(const PartialFile &) = delete;

    QFile &file() { return m_file; }
    const QString &partialPath() const { return m_partial; }
    // Flushes, syncs and renames it to the final path (Error(Environment) when that fails).
    void commit();
    // Removes it now (idempotent).
    void discard();

private:
    QString m_path, m_partial;
    QFile m_file;
    bool m_done = false;
};

} // namespace statescope
