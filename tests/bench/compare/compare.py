#!/usr/bin/python3
"""compare.py: Tessera against KeePassXC on the same data, through both command lines.

    compare.py --build-dir BUILD [--sizes 100 1000 10000 100000] [--runs 5] [--work DIR]

For each size, bench_dataset builds a Tessera vault of EntryGenerator entries (and writes the same
entries as JSON lines), make_kdbx.py writes them as a KDBX 4 database, and `keepassxc-cli db-edit
-p` re-saves that with KeePassXC's own writer. Both use Argon2id with the same iterations and
memory (default 1 iteration, 1 MiB, one lane: the KDF is negligible and timed apart). Then the
same operations run through tessera-cli and keepassxc-cli, interleaved (Tessera first on even
runs, KeePassXC first on odd ones), each a fresh process; the median wall time of each and the
peak RSS (one more run of each under GNU time) are printed as a table with the ratio Tessera /
KeePassXC and the issue's targets. Master passwords (and the added entry's password) go through standard input on both
sides. Every output is checked (entry counts, the shown password, the search hits), so a run that
measures something broken fails instead of printing figures. Use /usr/bin/python3: Debian's
pykeepass is installed for the system Python.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PASSWORD = 'benchmark master password, same on both sides'
ADDED_PASSWORD = 'Added-by-the-benchmark-1'
SEARCH_TERM = 'github'
HERE = os.path.dirname(os.path.abspath(__file__))

# Targets of issue 9, as ratios Tessera / KeePassXC: {size: {operation: ratio}}.
RATIO_TARGETS = {
    10000: {'open + list': 0.1, 'search': 0.1, 'show': 0.1, 'add + save': 0.1},
    100000: {'show': 0.01, 'search': 0.05, 'add + save': 0.05},
}
# Show one entry, beyond process start (and the negligible KDF), in ms: {size: ms}.
SHOW_BEYOND_START_MS = {100: 15.0, 100000: 50.0}
RSS_SHARE_AT_100K = 1 / 3
FILE_SIZE_FACTOR = 5


def run(argv, env, stdin_text):
    """Runs one process; returns (wall ms, CPU ms, exit code, stdout, stderr)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, env=env, stdin=subprocess.PIPE, stdout=out, stderr=err)
        try:
            process.stdin.write((stdin_text or '').encode())
            process.stdin.close()
        except BrokenPipeError:
            pass  # a process that needs no input may be gone already
        _, status, usage = os.wait4(process.pid, 0)  # wall time and the child's own CPU time
        elapsed_ms = (time.perf_counter() - start) * 1000
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000
        return (elapsed_ms, cpu_ms, process.returncode,
                out.read().decode('utf-8', 'replace'), err.read().decode('utf-8', 'replace'))


def peak_rss_kib(argv, env, stdin_text):
    """The peak RSS of one run, from GNU time. Not from wait4: a child forked from this Python
    process (which holds a whole data set) starts with its RSS, and Linux keeps that high-water
    mark across exec, so wait4 would report this script's size for `--version`."""
    with tempfile.NamedTemporaryFile(mode='r') as report:
        done = subprocess.run(['/usr/bin/time', '-f', '%M', '-o', report.name, '--'] + argv,
                              env=env, input=(stdin_text or '').encode(), capture_output=True)
        if done.returncode != 0:
            sys.exit('compare.py: %s failed (%d) measuring its peak RSS: %s' % (
                argv[0], done.returncode, done.stderr.decode('utf-8', 'replace')[-500:]))
        return int(report.read().split()[-1])


class Side:
    def __init__(self, name, env):
        self.name = name
        self.env = env
        self.times = {}
        self.cpu = {}
        self.rss = {}

    def measure(self, operation, argv, stdin_text, check):
        ms, cpu_ms, code, stdout, stderr = run(argv, self.env, stdin_text)
        if code != 0:
            sys.exit('compare.py: %s failed (%d) in "%s": %s' % (self.name, code, operation,
                                                                 stderr.strip()[-500:]))
        problem = check(stdout) if check else None
        if problem:
            sys.exit('compare.py: %s, "%s": %s' % (self.name, operation, problem))
        self.times.setdefault(operation, []).append(ms)
        self.cpu.setdefault(operation, []).append(cpu_ms)

    def measure_rss(self, operation, argv, stdin_text):
        self.rss[operation] = peak_rss_kib(argv, self.env, stdin_text)


def expect_lines(count, predicate):
    def check(stdout):
        found = sum(1 for line in stdout.splitlines() if predicate(line))
        return None if found == count else 'listed %d entries, expected %d' % (found, count)
    return check


def expect_text(text):
    return lambda stdout: None if text in stdout else 'output lacks %r' % text


def expect_some(stdout):
    return None if stdout.strip() else 'no output'


def build_data(args, size, folder, tessera_env):
    """Both databases of one size; returns (vault, kdbx, entries as dicts).

    The state right after building (vault, KDBX and this size's Tessera data folder) is kept in
    `pristine/`; with --reuse a later run starts from a copy of it, so the entries added by an
    earlier run's "add + save" are gone again on both sides."""
    vault = os.path.join(folder, 'tessera.tessera')
    jsonl = os.path.join(folder, 'entries.jsonl')
    kdbx = os.path.join(folder, 'keepassxc.kdbx')
    data = tessera_env['TESSERA_DATA_DIR']
    pristine = os.path.join(folder, 'pristine')
    saved = [(os.path.join(pristine, os.path.basename(p)), p) for p in (vault, kdbx, data)]
    if not (args.reuse and os.path.exists(jsonl) and all(os.path.exists(s) for s, _ in saved)):
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        kdf = ['--kdf-ops', str(args.kdf_ops), '--kdf-mem-kib', str(args.kdf_mem_kib)]
        subprocess.run([args.bench_dataset, 'vault', '--entries', str(size), '--out', folder] +
                       kdf, input=(PASSWORD + '\n').encode(), env=tessera_env, check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, os.path.join(HERE, 'make_kdbx.py'), jsonl, kdbx] + kdf,
                       input=(PASSWORD + '\n').encode(), check=True)
        # Re-saved by KeePassXC itself, so file size and layout are KeePassXC's own.
        subprocess.run(['keepassxc-cli', 'db-edit', '-q', '-p', kdbx],
                       input=('%s\n%s\n%s\n' % (PASSWORD, PASSWORD, PASSWORD)).encode(),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if args.reuse:
            os.makedirs(pristine)
            for copy, original in saved:
                copy_path(original, copy)
    else:
        for copy, original in saved:
            copy_path(copy, original)
    with open(jsonl, encoding='utf-8') as lines:
        return vault, kdbx, [json.loads(line) for line in lines]


def copy_path(source, target):
    if os.path.isdir(target):
        shutil.rmtree(target)
    if os.path.isdir(source):
        shutil.copytree(source, target)
    else:
        shutil.copy2(source, target)


def kp_path(entry):
    return '/'.join(part for part in (entry['folder'], entry['title']) if part)


def operations(vault, kdbx, entries, run_index):
    """(name, tessera argv, stdin, check, keepassxc argv, stdin, check) for one size and run."""
    master = PASSWORD + '\n'
    target = entries[len(entries) // 2] if entries else None
    count = len(entries) + run_index  # each earlier run added one entry on each side
    # 'github' (a twentieth of the entries) when the data has it, else the target's first word.
    term = SEARCH_TERM
    if target and not any(term in e['title'].lower() for e in entries):
        term = target['title'].split()[0].lower()
    added = 'Benchmark addition %d' % run_index
    ops = [
        ('open + list', ['tessera-cli', 'ls', vault], master,
         expect_lines(count, lambda line: line.strip() != ''),
         ['keepassxc-cli', 'ls', '-q', '-R', '-f', kdbx], master,
         expect_lines(count, lambda line: line and not line.endswith('/'))),
    ]
    if target:
        ops += [
            ('search', ['tessera-cli', 'search', vault, term], master, expect_some,
             ['keepassxc-cli', 'search', '-q', kdbx, term], master, expect_some),
            ('show', ['tessera-cli', 'show', '--show-protected', vault, target['title']], master,
             expect_text(target['password']),
             ['keepassxc-cli', 'show', '-q', '-s', kdbx, kp_path(target)], master,
             expect_text(target['password'])),
        ]
    ops.append(('add + save',
                ['tessera-cli', 'add', vault, '--title', added, '--username', 'bench@example.com',
                 '--url', 'https://added.example.com', '--folder', 'Work/Email',
                 '--password-prompt'], master + ADDED_PASSWORD + '\n', None,
                ['keepassxc-cli', 'add', '-q', '-u', 'bench@example.com', '--url',
                 'https://added.example.com', '-p', kdbx, 'Work/Email/' + added],
                master + ADDED_PASSWORD + '\n', None))
    return ops


def measure_app(app, vault, env, runs):
    """The desktop app offscreen (TESSERA_TIMING, ui/EntryListView.h): launch -> unlock window
    shown, and the password typed -> entry list shown; medians in ms, or None without the app."""
    if not os.access(app, os.X_OK):
        return None
    env = dict(env, TESSERA_TIMING='1', QT_QPA_PLATFORM='offscreen')
    shown, listed = [], []
    for _ in range(runs):
        start = time.monotonic() * 1000  # CLOCK_MONOTONIC, as the app prints it
        done = subprocess.run([app, vault], input=(PASSWORD + '\n').encode(), env=env,
                              capture_output=True, timeout=300)
        marks = {}
        for line in done.stderr.decode('utf-8', 'replace').splitlines():
            if line.startswith('tessera-timing: '):
                _, what, ms = line.split()
                marks[what] = float(ms)
        if 'window-shown' not in marks or 'list-shown' not in marks:
            sys.exit('compare.py: the app did not report its timings (exit %d): %s' % (
                done.returncode, done.stderr.decode('utf-8', 'replace')[-500:]))
        shown.append(marks['window-shown'] - start)
        listed.append(marks['list-shown'] - marks['window-shown'])
    return {'launch_to_unlock_window_ms': median(shown), 'unlock_to_list_ms': median(listed)}


def median(values):
    return statistics.median(values) if values else float('nan')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--build-dir', required=True)
    parser.add_argument('--sizes', type=int, nargs='+', default=[100, 1000, 10000, 100000])
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--kdf-ops', type=int, default=1)
    parser.add_argument('--kdf-mem-kib', type=int, default=1024)
    parser.add_argument('--work', help='work folder (default: a temporary one, removed after)')
    parser.add_argument('--json', help='also write the figures to this file')
    parser.add_argument('--app-size', type=int, default=10000,
                        help='time the desktop app (offscreen) at this size (0: not at all)')
    parser.add_argument('--reuse', action='store_true',
                        help='keep the data sets in --work and use those an earlier run left')
    parser.add_argument('--smoke', action='store_true',
                        help='check that everything runs and answers right; targets not judged')
    args = parser.parse_args()
    build = os.path.abspath(args.build_dir)
    args.bench_dataset = os.path.join(build, 'tests/bench/bench_dataset')
    cli_dir = os.path.join(build, 'app')
    for tool in (args.bench_dataset, os.path.join(cli_dir, 'tessera-cli')):
        if not os.access(tool, os.X_OK):
            sys.exit('compare.py: build %s first' % tool)
    if not shutil.which('keepassxc-cli'):
        sys.exit('compare.py: keepassxc-cli is missing (Debian package keepassxc)')

    work = args.work or tempfile.mkdtemp(prefix='tessera-compare-')
    os.makedirs(work, exist_ok=True)
    path = cli_dir + os.pathsep + os.environ.get('PATH', '')
    tessera_env = dict(os.environ, PATH=path, LANG='C.UTF-8')
    keepass_env = dict(os.environ, PATH=path, LANG='C.UTF-8', HOME=os.path.join(work, 'kp-home'),
                       XDG_CONFIG_HOME=os.path.join(work, 'kp-home/.config'))
    os.makedirs(keepass_env['XDG_CONFIG_HOME'], exist_ok=True)

    kdf = ['--kdf-ops', str(args.kdf_ops), '--kdf-mem-kib', str(args.kdf_mem_kib)]
    tessera_kdf = float(subprocess.run(
        [args.bench_dataset, 'kdf', '--runs', '15'] + kdf, input=(PASSWORD + '\n').encode(),
        env=tessera_env, check=True, capture_output=True).stdout)
    import argon2  # pykeepass's dependency: the reference libargon2, as KeePassXC uses
    samples = []
    for _ in range(15):
        start = time.perf_counter()
        argon2.low_level.hash_secret_raw(PASSWORD.encode(), os.urandom(32), args.kdf_ops,
                                         args.kdf_mem_kib, 1, 32, argon2.low_level.Type.ID)
        samples.append((time.perf_counter() - start) * 1000)
    keepass_kdf = median(samples)

    results = []
    for size in args.sizes:
        folder = os.path.join(work, 'size-%d' % size)
        # One Tessera data folder (device state, working copies) per size.
        size_env = dict(tessera_env, TESSERA_DATA_DIR=os.path.join(folder, 'tessera-data'))
        print('compare.py: building %d entries' % size, file=sys.stderr)
        vault, kdbx, entries = build_data(args, size, folder, size_env)
        sizes = (os.path.getsize(vault), os.path.getsize(kdbx))
        tessera = Side('Tessera', size_env)
        keepass = Side('KeePassXC', keepass_env)
        # The device has opened this vault before (as a user's would): one untimed open.
        tessera.measure('warm-up', ['tessera-cli', 'ls', vault], PASSWORD + '\n', None)
        print('compare.py: measuring %d entries, %d runs' % (size, args.runs), file=sys.stderr)
        for run_index in range(args.runs):
            baseline = [('process start', ['tessera-cli', '--version'], None, None,
                         ['keepassxc-cli', '--version'], None, None)]
            for name, t_argv, t_in, t_check, k_argv, k_in, k_check in (
                    baseline + operations(vault, kdbx, entries, run_index)):
                pair = [(tessera, t_argv, t_in, t_check), (keepass, k_argv, k_in, k_check)]
                for side, argv, stdin_text, check in (pair if run_index % 2 == 0 else pair[::-1]):
                    side.measure(name, argv, stdin_text, check)
        # Peak RSS: one more, untimed run of each operation on each side under GNU time.
        for name, t_argv, t_in, _, k_argv, k_in, _ in operations(vault, kdbx, entries, args.runs):
            tessera.measure_rss(name, t_argv, t_in)
            keepass.measure_rss(name, k_argv, k_in)
        results.append({
            'size': size, 'tessera_file': sizes[0], 'keepass_file': sizes[1],
            'tessera': {op: median(v) for op, v in tessera.times.items() if op != 'warm-up'},
            'keepass': {op: median(v) for op, v in keepass.times.items()},
            'tessera_cpu': {op: median(v) for op, v in tessera.cpu.items() if op != 'warm-up'},
            'keepass_cpu': {op: median(v) for op, v in keepass.cpu.items()},
            'tessera_rss_kib': max(tessera.rss.values()),
            'keepass_rss_kib': max(keepass.rss.values()),
            'rss_kib_by_operation': {'tessera': tessera.rss, 'keepassxc': keepass.rss},
        })
        if size == args.app_size:
            app_env = dict(size_env, HOME=os.path.join(work, 'app-home'),
                           XDG_CONFIG_HOME=os.path.join(work, 'app-home/.config'),
                           XDG_RUNTIME_DIR=os.path.join(work, 'app-run'))
            os.makedirs(app_env['XDG_CONFIG_HOME'], exist_ok=True)
            os.makedirs(app_env['XDG_RUNTIME_DIR'], mode=0o700, exist_ok=True)
            results[-1]['app'] = measure_app(os.path.join(build, 'app/tessera'), vault, app_env,
                                             args.runs)
        if not args.reuse:
            shutil.rmtree(folder, ignore_errors=True)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    ok = report(results, args, tessera_kdf, keepass_kdf)
    if args.json:
        with open(args.json, 'w', encoding='utf-8') as out:
            json.dump({'kdf_ms': {'tessera': tessera_kdf, 'keepassxc': keepass_kdf},
                       'sizes': results}, out, indent=1)
    return 0 if ok or args.smoke else 2


def report(results, args, tessera_kdf, keepass_kdf):
    """Prints the table; True if every target that applies to the measured sizes was met."""
    all_met = True
    print('Tessera vs KeePassXC %s, Argon2id %d iteration(s), %d KiB, 1 lane; median of %d '
          'runs, fresh process each, interleaved' % (keepass_version(), args.kdf_ops,
                                                     args.kdf_mem_kib, args.runs))
    print('KDF alone (in-process): Tessera %.2f ms (libsodium), KeePassXC %.2f ms (libargon2)'
          % (tessera_kdf, keepass_kdf))
    print()
    header = '%-15s %8s %12s %13s %7s %8s %5s   %s' % (
        'operation', 'entries', 'Tessera ms', 'KeePassXC ms', 'ratio', 'target', 'met',
        'CPU ms: Tessera / KeePassXC = ratio')
    print(header)
    print('-' * len(header))
    for result in results:
        size = result['size']
        for op, t_ms in result['tessera'].items():
            k_ms = result['keepass'][op]
            ratio = t_ms / k_ms if k_ms else float('nan')
            target = RATIO_TARGETS.get(size, {}).get(op)
            met = '' if target is None else ('yes' if ratio <= target else 'NO')
            all_met = all_met and met != 'NO'
            t_cpu, k_cpu = result['tessera_cpu'][op], result['keepass_cpu'][op]
            print('%-15s %8d %12.1f %13.1f %7.3f %8s %5s   %.0f / %.0f = %.3f' % (
                op, size, t_ms, k_ms, ratio, '' if target is None else '<= %g' % target, met,
                t_cpu, k_cpu, t_cpu / k_cpu if k_cpu else float('nan')))
        start = result['tessera']['process start']
        if 'show' in result['tessera']:
            beyond = result['tessera']['show'] - start - tessera_kdf
            limit = SHOW_BEYOND_START_MS.get(size)
            met = '' if limit is None else ('yes' if beyond < limit else 'NO')
            all_met = all_met and met != 'NO'
            print('%-15s %8d %12.1f %13s %7s %8s %5s' % (
                'show - start', size, beyond, '', '', '' if limit is None else '< %g' % limit,
                met))
        print()
    print('%-8s %12s %14s %7s %13s %15s %7s' % ('entries', 'Tessera RSS', 'KeePassXC RSS',
                                               'ratio', 'Tessera file', 'KeePassXC file',
                                               'ratio'))
    for result in results:
        rss_ratio = result['tessera_rss_kib'] / result['keepass_rss_kib']
        file_ratio = result['tessera_file'] / result['keepass_file']
        rss_met = '' if result['size'] != 100000 else (
            ' yes' if rss_ratio < RSS_SHARE_AT_100K else ' NO')
        # Below 1k entries the vault's fixed pages (schema, keys, manifest) dominate.
        file_met = '' if result['size'] < 1000 else (
            ' yes' if file_ratio <= FILE_SIZE_FACTOR else ' NO')
        all_met = all_met and 'NO' not in rss_met + file_met
        print('%-8d %8.1f MiB %10.1f MiB %7.3f%s %9.2f MiB %11.2f MiB %7.2f%s' % (
            result['size'], result['tessera_rss_kib'] / 1024, result['keepass_rss_kib'] / 1024,
            rss_ratio, rss_met, result['tessera_file'] / 2**20, result['keepass_file'] / 2**20,
            file_ratio, file_met))
    for result in results:
        if result.get('app'):
            print('desktop app at %d entries (offscreen, password typed on the unlock page): '
                  'launch -> unlock window %.0f ms, unlock -> list shown %.0f ms' % (
                      result['size'], result['app']['launch_to_unlock_window_ms'],
                      result['app']['unlock_to_list_ms']))
    print()
    print('targets: RSS at 100k < 1/3 of KeePassXC; vault file <= %dx the KDBX; ratios and '
          '"show - start" (process start and KDF taken out) as in issue 9' % FILE_SIZE_FACTOR)
    print('all targets met' if all_met else 'SOME TARGETS NOT MET')
    return all_met


def keepass_version():
    out = subprocess.run(['keepassxc-cli', '--version'], capture_output=True, text=True)
    return 'keepassxc-cli ' + out.stdout.strip()


if __name__ == '__main__':
    sys.exit(main())
