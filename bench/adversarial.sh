#!/usr/bin/env bash
# Tries the hostile and broken inputs of issue 14 against the built cdht, each on a fresh home, and prints one
# Markdown row per case: what was tried, what the user saw (exit code and the first line on standard error), and the
# rows read / accepted / quarantined / superseded / lost from the ingestion ledger. Lost = rows in the files the
# ledger names as ingested minus what it accounts for (a rejected file is refused whole, kept where it was, exit 3).
#   bench/adversarial.sh [WORK_DIR]          (needs ./cdht built; the full-disk case needs root for a tmpfs)
set -uo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-$(mktemp -d /tmp/cdht-adversarial-XXXX)}
mkdir -p "$WORK"
export CDHT_SPARK_MASTER=local[2] CDHT_SPARK_SHUFFLE_PARTITIONS=2
# a wrapper that execs java, so that the pid of a background "$CDHT ..." is the JVM's own (for kill -9)
CDHT=$WORK/cdht
cat >"$CDHT" <<SH
#!/usr/bin/env bash
exec java $(grep -v '^#' conf/jvm.options | tr '\n' ' ') \${JAVA_PEAKS:-} -cp "$PWD/orchestration/target/cdht.jar:$PWD/orchestration/target/lib/*" -Dfile.encoding=UTF-8 vn.cdht.cli.Cdht "\$@"
SH
chmod +x "$CDHT"
cdht() { "$CDHT" "$@"; }
# waits (at most 10 minutes) until FILE holds TEXT
await() { for _ in $(seq 1 3000); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.2; done; return 1; }
HEADER='Mã tài khoản,Số CCCD,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã xã,Nhóm đối tượng,Ngày cập nhật'
accounts() { # FILE FROM COUNT
  python3 - "$@" <<'PY'
import sys
f, start, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(f, "w", encoding="utf-8") as out:
    out.write("Mã tài khoản,Số CCCD,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã xã,Nhóm đối tượng,Ngày cập nhật\n")
    for i in range(start, start + n):
        out.write(f"TK{i:07d},0510900{i % 100000:05d},Nguyễn Thị Ngọc Ánh,1990-03-03,Nam,51,21211,III,01/10/2025\n")
PY
}
# the ledger's totals of a home: read accepted quarantined superseded
totals() { cdht --home "$1" batches --no-files 2>/dev/null | awk 'NR>1 && $1 ~ /^f-|^j-/ && $3 == "succeeded" {r+=$5; a+=$6; q+=$7; s+=$8} END {printf "%d %d %d %d", r, a, q, s}'; }
row() { # CASE SAW READ_EXPECTED HOME
  read -r r a q s < <(totals "$4")
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$r" "$a" "$q" "$s" "$(( $3 - a - q - s ))"
}
first() { grep -v '^… ' "$1" | grep -v '^\s*$' | head -1 | cut -c1-220 | sed 's/|/\\|/g'; }
echo "| case | what the user saw | read | accepted | quarantined | superseded | lost |"
echo "|---|---|---|---|---|---|---|"

# 1. same-named files in two sub-folders
H=$WORK/h1; B=$WORK/b1; mkdir -p $B/sub1 $B/sub2; accounts $B/sub1/tai_khoan.csv 0 100; accounts $B/sub2/tai_khoan.csv 1000 50
cdht --home $H ingest $B >$WORK/1.out 2>$WORK/1.err; rc=$?
row "sub1/tai_khoan.csv (100) + sub2/tai_khoan.csv (50)" "exit $rc; $(grep -c 'tai_khoan.csv' $WORK/1.out) files listed" 150 $H

# 2. zip bomb: 4 GiB of zeros as tai_khoan.csv
python3 - $WORK/bomb.zip <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z, z.open("tai_khoan.csv", "w", force_zip64=True) as f:
    chunk = b"\0" * (1 << 24)
    for _ in range(256): f.write(chunk)
PY
H=$WORK/h2; JAVA_PEAKS="-Dcdht.peaks-file=$WORK/2.peaks" cdht --home $H ingest $WORK/bomb.zip >$WORK/2.out 2>$WORK/2.err; rc=$?
peak=$(awk -F= '/rss_peak_bytes/ {printf "%d", $2 / 1048576}' $WORK/2.peaks 2>/dev/null)
row "zip bomb ($(du -h $WORK/bomb.zip | cut -f1) → 4 GiB of zeros)" "exit $rc: $(first $WORK/2.err); peak RSS ${peak:-?} MB; staging after: $(find $H/staging -type f 2>/dev/null | wc -l) files" 0 $H

# 3. kill -9 during ingestion, then the rerun
H=$WORK/h3; cdht generate --province 51 --scale 0.01 --seed 3 --out $WORK/b3 >/dev/null 2>&1
READ3=$(for f in $WORK/b3/*.csv; do tail -n +2 "$f" | wc -l; done | awk '{s+=$1} END {print s}')
"$CDHT" --home $H ingest $WORK/b3 >$WORK/3.out 2>$WORK/3.err & p=$!
await $WORK/3.err "loading accounts"; kill -9 $p; wait $p 2>/dev/null
left=$(find $H/staging -type f | wc -l)
cdht --home $H batches --no-files >$WORK/3b.out 2>$WORK/3b.err
status=$(awk 'NR>1 && $1 ~ /^f-/ {print $3}' $WORK/3b.out)
cdht --home $H ingest $WORK/b3 >$WORK/3r.out 2>$WORK/3r.err; rc=$?
row "kill -9 during ingestion, then cdht batches, then the rerun" "$left staging files after the kill; cdht batches: $status, staging $(find $H/staging -type f | wc -l) files; rerun exit $rc" $READ3 $H

# 4. two cdht ingest of different batches at once
cdht generate --province 51 --scale 0.005 --seed 4 --out $WORK/b4 >/dev/null 2>&1
cdht --home $H ingest $WORK/b4 >$WORK/4a.out 2>$WORK/4a.err & p=$!
await $WORK/4a.err "starting Spark"
cdht --home $H ingest $WORK/b1 >$WORK/4b.out 2>$WORK/4b.err; rc=$?; wait $p; rc1=$?
READ4=$(( READ3 + $(for f in $WORK/b4/*.csv; do tail -n +2 "$f" | wc -l; done | awk '{s+=$1} END {print s}') ))
row "two cdht ingest at once (the second: batch of case 1)" "first exit $rc1; second exit $rc: $(first $WORK/4b.err)" $READ4 $H

# 5. kill during publish, status counts after kill and rerun
cdht --home $H indicators >/dev/null 2>&1
"$CDHT" --home $H publish >$WORK/5.out 2>$WORK/5.err & p=$!
for _ in $(seq 1 6000); do ls $H/analyst.duckdb.tmp-* >/dev/null 2>&1 && break; sleep 0.1; done; kill -9 $p; wait $p 2>/dev/null
before=$(ls $H | grep -c 'tmp-'); cdht --home $H publish >/dev/null 2>&1; after=$(ls $H | grep -c 'tmp-')
units_status=$(cdht --home $H status 2>/dev/null | awk '$1 == "core.units" {print $2}')
units_real=$(cdht --home $H sql "SELECT count(*) FROM core.units" --csv $WORK/u.csv >/dev/null 2>&1; tail -1 $WORK/u.csv)
row "kill -9 during cdht publish; cdht status after the kill and rerun of case 3" "$before tmp files after the kill, $after after the next publish; status core.units $units_status, real $units_real" $READ4 $H

# 6. invalid UTF-8 at line 1201, a duplicate header, a 10 000-character name, one CCCD on three accounts
H=$WORK/h6; B=$WORK/b6; mkdir -p $B; accounts $B/tai_khoan.csv 0 1199; printf 'TK9999999,051090099999,\xff\xfe,1990-03-03,Nam,51,21211,III,01/10/2025\n' >>$B/tai_khoan.csv
cdht --home $H ingest $B >$WORK/6.out 2>$WORK/6.err; rc=$?
row "invalid bytes at line 1201 (1200 rows)" "exit $rc: $(grep -o 'not valid UTF-8[^;]*' $WORK/6.out | head -1)" 0 $H
H=$WORK/h7; B=$WORK/b7; mkdir -p $B; { echo "$HEADER,Họ và tên"; echo "TK1,051090000001,An,1990-03-03,Nam,51,21211,III,01/10/2025,An"; } >$B/tai_khoan.csv
cdht --home $H ingest $B >$WORK/7.out 2>$WORK/7.err; rc=$?
row "duplicate header Họ và tên" "exit $rc: $(grep -o 'columns [^;]*' $WORK/7.out | head -1)" 0 $H
H=$WORK/h8; B=$WORK/b8; mkdir -p $B; { echo "$HEADER"; echo "TK1,051090000001,$(python3 -c 'print("A"*10000)'),1990-03-03,Nam,51,21211,III,01/10/2025";
  for i in 2 3 4; do echo "TK$i,051090000002,Đặng Quốc Huy,1990-03-03,Nam,51,21211,III,01/10/2025"; done; } >$B/tai_khoan.csv
cdht --home $H ingest $B >$WORK/8.out 2>$WORK/8.err; rc=$?
row "a 10 000-character name; one CCCD on 3 accounts" "exit $rc; flags: $(grep -o 'accounts:[A-Z_:a-z]*: [0-9]*' $WORK/8.out | tr '\n' ' ')" 4 $H

# 7. a batch with a rejected file
H=$WORK/h9; B=$WORK/b9; mkdir -p $B; accounts $B/tai_khoan.csv 0 10; printf 'Mã đơn vị,Ngày cập nhật\nDV1,01/10/2025\n' >$B/don_vi.csv
cdht --home $H ingest $B >$WORK/9.out 2>$WORK/9.err; rc=$?
row "don_vi.csv without Tên đơn vị, tai_khoan.csv good (10)" "exit $rc: $(first $WORK/9.err)" 10 $H

# 8. cdht sql escapes (home of case 3, published)
H=$WORK/h3; saw=""
for q in "COPY (SELECT 1) TO '$WORK/x.csv'" "SELECT read_text('$H/secrets/pseudonym.key')" \
         "SELECT * FROM read_parquet('$H/warehouse/restricted/citizens/data/*.parquet')" "INSTALL httpfs" "ATTACH '$WORK/y.duckdb'"; do
  cdht --home $H sql "$q" >/dev/null 2>$WORK/8q.err; saw="$saw exit $?;"
done
row "cdht sql: COPY TO, read_text(secret), read_parquet(restricted), INSTALL, ATTACH" "$saw files written: $(ls $WORK/x.csv $WORK/y.duckdb 2>/dev/null | wc -l); $(first $WORK/8q.err)" $READ4 $H

# 9. the secret replaced between two batches
cp $H/secrets/pseudonym.key $WORK/key.bak; head -c 32 /dev/urandom | base64 >$H/secrets/pseudonym.key
cdht --home $H ingest $WORK/b1 >$WORK/10.out 2>$WORK/10.err; rc=$?; cp $WORK/key.bak $H/secrets/pseudonym.key
row "pseudonym.key replaced, then a new batch" "exit $rc: $(first $WORK/10.err | cut -c1-160)…" $READ4 $H

# 10. permissions
perm=$(for p in secrets warehouse/raw warehouse/restricted warehouse/quarantine staging; do printf '%s %s, ' $p $(stat -c %A $H/$p); done)
row "permissions (umask $(umask))" "${perm}analyst.duckdb $(stat -c %A $H/analyst.duckdb); raw files readable by others: $(find $H/warehouse/raw -type f -perm /o+r | wc -l)" $READ4 $H

# 11. control characters
cdht --home $H subscribers add --email a@b.vn --name $'An\nBcc: x@y.vn' --role leader --scope 51 --kinds province >/dev/null 2>$WORK/11.err; rc=$?
row "subscriber name with a line feed" "exit $rc: $(head -1 $WORK/11.err)" $READ4 $H

# 12. a full disk (a 96 MB tmpfs as home), 200 000 rows
if [ "$(id -u)" = 0 ]; then
  mkdir -p $WORK/small && mount -t tmpfs -o size=96m tmpfs $WORK/small && H=$WORK/small/h
  mkdir -p $WORK/b12a $WORK/b12; accounts $WORK/b12a/tai_khoan.csv 0 10; accounts $WORK/b12/tai_khoan.csv 100 200000
  cdht --home $H ingest $WORK/b12a >/dev/null 2>&1
  python3 -c "
import os
f=open('$H/filler','wb')
while os.statvfs('$H').f_bavail*os.statvfs('$H').f_frsize > 3<<20: f.write(b'\0'*(1<<20)); f.flush()"
  cdht --home $H ingest $WORK/b12 >$WORK/12.out 2>$WORK/12.err; rc=$?
  cdht --home $H batches --no-files >$WORK/12b.out 2>&1; brc=$?
  st=$(awk 'NR>1 && $1 ~ /^f-/ {print $3}' $WORK/12b.out | tr '\n' ' '); stg=$(find $H/staging -type f | wc -l)
  rm $H/filler; cdht --home $H ingest $WORK/b12 >/dev/null 2>&1; rrc=$?
  row "ingest 200 000 rows on a nearly full home, then free space and rerun" "exit $rc: $(first $WORK/12.err); cdht batches exit $brc: $st; staging files $stg; rerun exit $rrc" 200010 $H
  umount $WORK/small
fi
