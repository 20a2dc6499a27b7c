#!/usr/bin/env bash
# Power loss, simulated: Casebook runs with its home on a fresh ext4 file system (a loop file);
# after the first answer is acknowledged, the file system is shut down without flushing its log
# (EXT4_IOC_SHUTDOWN, NOLOGFLUSH) and the process is killed; then it is mounted again and the
# journal's lines are printed. Exit 2 when this machine does not allow the mount.
#
# usage: power-loss.sh CASEBOOK PLAYBOOK [WRAPPER...]   (WRAPPER: e.g. eatmydata, for the control run)
set -u
casebook=$1 playbook=$2; shift 2
work=$(mktemp -d "${TMPDIR:-/tmp}/casebook-power-XXXXXX")
image=$work/disk.img mnt=$work/mnt fifo=$work/input out=$work/output
mkdir -p "$mnt"
cleanup() { exec 3>&- 2>/dev/null; mountpoint -q "$mnt" && umount "$mnt"; rm -rf "$work"; }
trap cleanup EXIT
dd if=/dev/zero of="$image" bs=1M count=16 status=none
mkfs.ext4 -q -F "$image" >/dev/null 2>&1 || exit 2
mount -o loop "$image" "$mnt" 2>/dev/null || exit 2
mkfifo "$fifo"
CASEBOOK_HOME=$mnt/home "$@" "$casebook" run "$playbook" --client Kim <"$fifo" >"$out" 2>&1 &
pid=$!
exec 3>"$fifo"
echo no >&3
for _ in $(seq 200); do grep -q "How long will you wait" "$out" && break; sleep 0.05; done
grep -q "How long will you wait" "$out" || { echo "the second question never appeared" >&2; exit 1; }
python3 - "$mnt" <<'PY'
import fcntl, os, struct, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
fcntl.ioctl(fd, 0x8004587D, struct.pack('I', 2))  # EXT4_IOC_SHUTDOWN, EXT4_GOING_FLAGS_NOLOGFLUSH
PY
kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
exec 3>&-
umount "$mnt"
mount -o loop "$image" "$mnt" || exit 1
cat "$mnt"/home/cases/*/journal.log 2>/dev/null
exit 0
