#pragma once
// Fingerprints of whole vault files (SHA-256, which CPUs accelerate: about 2 GB/s here against
// 0.7 GB/s for BLAKE2b). They only tell "the file this device published" from "some other file";
// nothing secret goes in and no key is involved.

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace tessera {

class FileDigest {
public:
    FileDigest();
    ~FileDigest();
    FileDigest(const FileDigest&) = delete;
    FileDigest& operator=(const FileDigest&) = delete;

    void add(QByteArrayView bytes);
    QByteArray finish(); // 32 bytes

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace tessera
