#!/bin/sh
# The distributors' test keys (distributors/OpenPgpKeysTest, DistributorKeysIT): public keys
# alone, made once with GnuPG 2.2 in a throwaway GNUPGHOME whose secret halves were then deleted.
# Run from this directory to make them anew (the fingerprints in the tests change with them).
# A secret key block is never kept here: the test that needs one makes it with Bouncy Castle.
set -eu
GNUPGHOME=$(mktemp -d); export GNUPGHOME
trap 'rm -rf "$GNUPGHOME"' EXIT
gen() { gpg --batch --pinentry-mode loopback --passphrase '' "$@"; }
fpr() { gpg --batch --with-colons --list-keys "$1" | awk -F: '/^fpr/ {print $10; exit}'; }
export_key() { gpg --batch --armor --export "$(fpr "$1")" > "$2"; }

# RSA 4096 with an RSA 4096 encryption subkey: accepted
gen --quick-gen-key 'Distro One Security <security@distro-one.example>' rsa4096 sign,cert never
gen --quick-add-key "$(fpr security@distro-one.example)" rsa4096 encr never
export_key security@distro-one.example rsa4096.asc

# Ed25519 with a Cv25519 encryption subkey, two user IDs: accepted
gen --quick-gen-key 'Distro Two Security <security@distro-two.example>' ed25519 sign,cert never
gen --quick-add-uid "$(fpr security@distro-two.example)" 'Distro Two PSIRT <psirt@distro-two.example>'
gen --quick-add-key "$(fpr security@distro-two.example)" cv25519 encr never
export_key security@distro-two.example ed25519.asc

# NIST P-256 (ECDSA with an ECDH subkey): accepted
gen --quick-gen-key 'Distro Three <security@distro-three.example>' nistp256 sign,cert never
gen --quick-add-key "$(fpr security@distro-three.example)" nistp256 encr never
export_key security@distro-three.example nistp256.asc

# RSA 2048: too weak
gen --quick-gen-key 'Weak Distro <security@weak.example>' rsa2048 sign,cert never
gen --quick-add-key "$(fpr security@weak.example)" rsa2048 encr never
export_key security@weak.example rsa2048.asc

# expired: made as of 1 January 2020, valid for a year
gen --faked-system-time 20200101T000000 --quick-gen-key 'Old Distro <security@old.example>' ed25519 sign,cert 1y
gen --faked-system-time 20200101T000000 --quick-add-key "$(fpr security@old.example)" cv25519 encr 1y
export_key security@old.example expired.asc

# revoked: its own revocation certificate imported
gen --quick-gen-key 'Revoked Distro <security@revoked.example>' ed25519 sign,cert never
gen --quick-add-key "$(fpr security@revoked.example)" cv25519 encr never
sed 's/^:-----/-----/' "$GNUPGHOME/openpgp-revocs.d/$(fpr security@revoked.example).rev" | gpg --batch --import
export_key security@revoked.example revoked.asc

# sign-only: no encryption subkey
gen --quick-gen-key 'Signing Distro <security@signing.example>' ed25519 sign,cert never
export_key security@signing.example sign-only.asc

# encryption subkey expired, primary key valid
gen --faked-system-time 20200101T000000 --quick-gen-key 'Lapsed Distro <security@lapsed.example>' ed25519 sign,cert never
gen --faked-system-time 20200101T000000 --quick-add-key "$(fpr security@lapsed.example)" cv25519 encr 1y
export_key security@lapsed.example subkey-expired.asc

# two keys in one block
gpg --batch --armor --export "$(fpr security@distro-two.example)" "$(fpr security@distro-three.example)" > two-keys.asc
