#pragma once
// Two replicas of one vault for the merge suites (tst_merge, tst_merge_epochs): device "a" works on
// cloud/test.tessera, device "b" on cloud/copy.tessera, a byte copy made right after creation
// (like a copy carried on a USB stick). Both share the sandbox's clock; tests set it before each
// edit to order the stamps.

#include "VaultFixture.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

namespace tessera::test {

// These suites publish hundreds of times: on a RAM disk fsync costs nothing. Same code, faster
// disk. Call from initTestCase, before any sandbox exists.
inline void preferRamDisk() {
    if (QFileInfo(QStringLiteral("/dev/shm")).isWritable())
        qputenv("TMPDIR", "/dev/shm");
}

class TwoReplicas {
public:
    // Creates the vault on a with `entries` sample entries, copies it, unlocks the copy on b.
    Status setUp(int entries = 4) {
        auto a = box.create(QStringLiteral("a"));
        if (!a)
            return a.error();
        m_a = std::move(*a);
        auto added = addSampleEntries(*m_a, entries);
        if (!added)
            return added.error();
        ids = *added;
        TESSERA_TRY(m_a->publish());
        if (!QFile::copy(box.vaultPath(), copyPath()))
            return makeError(ErrorCode::Io, QStringLiteral("cannot copy the vault"));
        auto b =
            box.unlock(QStringLiteral("b"), VaultSandbox::MasterPassword, QStringLiteral("copy"));
        if (!b)
            return b.error();
        m_b = std::move(*b);
        return {};
    }

    QString copyPath() const { return box.vaultPath(QStringLiteral("copy")); }
    Vault& a() { return *m_a; }
    Vault& b() { return *m_b; }
    std::unique_ptr<Vault>& aPtr() { return m_a; }
    std::unique_ptr<Vault>& bPtr() { return m_b; }

    // b publishes its copy; a merges it.
    Result<MergeReport> bIntoA(const MergeOptions& options = {}) {
        TESSERA_TRY(m_b->publish());
        return m_a->merge(copyPath(), options);
    }
    // a publishes; b merges a's vault file.
    Result<MergeReport> aIntoB(const MergeOptions& options = {}) {
        TESSERA_TRY(m_a->publish());
        return m_b->merge(box.vaultPath(), options);
    }
    // Sets the clock, then edits on one replica.
    Status editAt(Vault& vault, qint64 atMs, const EntryId& id, EntryChanges changes) {
        box.clock().set(atMs);
        return vault.edit(id, std::move(changes));
    }

    VaultSandbox box;
    std::vector<EntryId> ids;

private:
    std::unique_ptr<Vault> m_a;
    std::unique_ptr<Vault> m_b;
};

} // namespace tessera::test
