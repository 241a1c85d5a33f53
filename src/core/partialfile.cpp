#include "core/partialfile.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QDir>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace statescope {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("statescope::PartialFile", text);
}

QString lastError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

int createExclusive(const QByteArray &name)
{
    return ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
}

} // namespace

PartialFile::PartialFile(const QString &path) : m_path(path), m_partial(path + QStringLiteral(".partial"))
{
    const QByteArray name = QFile::encodeName(m_partial);
    int fd = createExclusive(name);
    if (fd < 0 && errno == EEXIST) {
        // Something is there. Only a plain file of ours (an earlier export killed midway) is
        // taken away; a link, a directory, a device or another user's file is not touched.
        struct stat st = {};
        if (::lstat(name.constData(), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid()
            && ::unlink(name.constData()) == 0)
            fd = createExclusive(name);
        else
            throw Error(Error::Kind::Environment,
                        tr("%1 already exists and is not a file this export can replace (a link, or not yours); "
                           "nothing was written.")
                            .arg(QDir::toNativeSeparators(m_partial)),
                        {}, tr("Remove it, or choose another file."));
    }
    if (fd < 0)
        throw Error(Error::Kind::Environment,
                    tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_partial), lastError()));
    if (!m_file.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        ::unlink(name.constData());
        throw Error(Error::Kind::Environment,
                    tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_partial), m_file.errorString()));
    }
}

PartialFile::~PartialFile()
{
    discard();
}

void PartialFile::discard()
{
    if (m_done)
        return;
    m_done = true;
    m_file.close();
    ::unlink(QFile::encodeName(m_partial).constData());
}

void PartialFile::commit()
{
    if (m_done)
        throw Error(Error::Kind::Environment, tr("%1 was already closed.").arg(QDir::toNativeSeparators(m_partial)));
    const bool flushed = m_file.flush() && ::fsync(m_file.handle()) == 0;
    const QString why = flushed ? QString() : (m_file.errorString().isEmpty() ? lastError() : m_file.errorString());
    m_file.close();
    if (!flushed) {
        discard();
        throw Error(Error::Kind::Environment, tr("Could not write %1: %2").arg(QDir::toNativeSeparators(m_partial), why));
    }
    if (::rename(QFile::encodeName(m_partial).constData(), QFile::encodeName(m_path).constData()) != 0) {
        const QString reason = lastError();
        discard();
        throw Error(Error::Kind::Environment, tr("Could not rename %1 to %2: %3")
                                                  .arg(QDir::toNativeSeparators(m_partial), QDir::toNativeSeparators(m_path), reason));
    }
    m_done = true;
}

} // namespace statescope
