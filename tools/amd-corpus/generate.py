#!/usr/bin/env python3
"""Synthesise a labelled answering-machine-detection corpus (8 kHz mono WAV) with espeak-ng and sox.

Every clip starts at the moment of answer and models the call honestly: a person says a short greeting and then
waits (line noise only, sometimes a second "Hello?"), a voicemail greeting goes on in sentences (with pauses) and
ends with a beep of arbitrary frequency and length (or no beep at all), a disconnected number plays the three SIT
tones and an announcement, a fax machine answers with CED (2100 Hz) or sends CNG (1100 Hz).

Labels and end points come from the generator, never from a detector: each utterance is rendered on its own, trimmed
to its first and last sample above 1 % of its peak, and placed on the timeline at a known offset, so "speech end"
and "beep end" are exact sample positions of the clean signal before noise is added.

Three sets from fixed seeds: "dev" (for tuning), "test" (held out) and "test2" (a fresh hold-out, added once the
test set had been looked at: the test set's voices and variants, the same scenario mix, its own seeds). dev and the
test sets use disjoint espeak-ng voices and variants, so the test figures measure generalisation to voices never
seen during tuning. Each clip's seed is seed * 7919 + SET_OFFSET[set] + index * 104729; dev and test keep the
offsets they always had (0 and 1000003), so their files are the same as before test2 existed.

Output: OUT/{dev,test,test2}/*.wav and OUT/{dev,test,test2}/manifest.tsv with the columns
file, label, kind, speechEndMs, beepEndMs (-1 when none), voice, durationMs, encoding, text (what was said,
utterances separated by " | ", each followed by "@" and the ms where it ends; for analysis only, the evaluation
does not read it).
The corpus is cached: OUT/.hash holds the script's hash and the arguments; a rerun with the same ones is a no-op.

Python 3 standard library only; needs espeak-ng and sox on the PATH.
"""

import argparse
import array
import hashlib
import math
import os
import random
import shutil
import struct
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor

RATE = 8000

SETS = ("dev", "test", "test2")
# Per-set seed offset; dev and test must keep 0 and 1000003 (their clips stay byte-identical).
SET_OFFSET = {"dev": 0, "test": 1000003, "test2": 2 * 1000003, "train": 3 * 1000003}
# Which voice pool a set draws from: test2 is a second sample of the test set's population; train (only with
# --train N, for fitting the detector's models) is a larger sample of the dev population.
VOICE_POOL = {"dev": "dev", "test": "test", "test2": "test", "train": "dev"}

VOICE_BASES = {
    "dev": ["en-us", "en-gb", "en-gb-x-gbclan"],
    "test": ["en-gb-scotland", "en-029", "en-us-nyc", "en-gb-x-rp", "en-gb-x-gbcwmd"],
}
VOICE_VARIANTS = {
    "dev": ["m1", "m2", "m3", "m6", "f1", "f2", "f3", "klatt", "klatt2", "Andy", "Annie", "adam", "anika",
            "belinda", "benjamin", "david", "ed", "edward", "iven", "john", "linda", "max", "michel", "paul",
            "robert", "steph", "travis"],
    "test": ["m4", "m5", "m7", "m8", "f4", "f5", "klatt3", "klatt4", "Alex", "Alicia", "Andrea", "caleb", "aunty",
             "boris", "grandpa", "grandma", "Lee", "Mike", "norbert", "pablo", "quincy", "rob", "shelby", "steph2",
             "victor", "zac"],
}

FIRST_NAMES = ["Tom", "Maria", "John", "Linda", "Carlos", "Aisha", "Peter", "Susan", "Raj", "Emily", "David",
               "Grace", "Mike", "Karen", "Luis", "Nina", "Frank", "Olivia", "Sam", "Beth"]
COMPANIES = ["Acme Plumbing", "Smith and Sons", "Blue Sky Dental", "Riverside Motors", "Golden Gate Realty",
             "Maple Street Bakery", "Northwind Traders", "Summit Insurance", "Lakeside Clinic", "Pioneer Roofing"]

HUMAN_SHORT = ["Hello?", "Hello.", "Hi.", "Yes?", "Hello?", "Yeah?", "Hallo?", "Hi there.", "Speaking.",
               "Hello, who's this?", "Yeah, this is {n}.", "{n} speaking.", "Hello, {n} here.", "Hi, it's {n}.",
               "Yes, hello?", "Good morning.", "Hey.", "Uh, hello?", "Who is it?", "Yep?"]
HUMAN_BUSINESS = ["Thank you for calling {c}, this is {n}, how can I help you?",
                  "Good afternoon, {c}, {n} speaking.",
                  "{c}, this is {n}, what can I do for you?",
                  "Hello, you're through to {c}, {n} speaking, how may I help?",
                  "Good morning, {c}, how can I help you today?"]
MACHINE_PERSONAL = [["Hi, you've reached {n}.", "I can't come to the phone right now.",
                     "Please leave a message after the tone."],
                    ["Hey, it's {n}.", "Leave a message and I'll call you back."],
                    ["Hello, this is {n}.", "Sorry I missed your call.", "Leave your name and number,",
                     "and I'll get back to you as soon as I can."],
                    ["You have reached the voicemail of {n}.", "Please leave a message."],
                    ["Hi, this is {n} and {m}.", "We're not home right now.", "Leave a message at the beep."],
                    ["Hello.", "You've reached {n}.", "I'm away from my desk.", "Please leave a detailed message."],
                    ["Hi!", "{n} here.", "Can't talk right now, leave a message."],
                    ["Thanks for calling {c}.", "Our office is closed.", "Please leave a message after the tone,",
                     "and we will return your call on the next business day."]]
MACHINE_CARRIER = [["The person you are trying to reach is not available.",
                    "At the tone, please record your message.",
                    "When you have finished recording, you may hang up."],
                   ["The number you have dialed, {d},", "is not available.", "Please leave a message after the tone."],
                   ["Your call has been forwarded to an automated voice messaging system.", "{d}", "is not available.",
                    "At the tone, please record your message."],
                   ["The subscriber you have called is not available.", "Please record your message after the beep."]]
MACHINE_SHORT = [["{n}."], ["{n}, leave a message."], ["It's {n}."], ["Leave a message."], ["{n} {s}."]]
MACHINE_FULL = [["The mailbox is full and cannot accept any messages at this time.", "Goodbye."],
                ["The mailbox belonging to {d} is full.", "Please try again later."],
                ["Sorry, the voicemail box you are trying to reach is full."]]
SIT_TEXT = ["The number you have dialed is not in service.", "Please check the number and try again.",
            "We're sorry, your call cannot be completed as dialed.", "This number has been disconnected."]
SURNAMES = ["Smith", "Garcia", "Nguyen", "Brown", "Patel", "Johnson"]

KIND_WEIGHTS = [
    ("HUMAN", "hello", 14), ("HUMAN", "hello_twice", 7), ("HUMAN", "slow", 6), ("HUMAN", "noisy", 7),
    ("HUMAN", "phrase", 7), ("HUMAN", "business", 5),
    ("MACHINE", "personal", 14), ("MACHINE", "carrier", 7), ("MACHINE", "very_short", 5), ("MACHINE", "full", 4),
    ("MACHINE", "music", 5), ("MACHINE", "noisy", 6),
    ("SIT", "sit", 6), ("FAX", "ced", 4), ("FAX", "cng", 3),
]


def fill(text, rnd):
    digits = " ".join(str(rnd.randrange(10)) for _ in range(7))
    return text.format(n=rnd.choice(FIRST_NAMES), m=rnd.choice(FIRST_NAMES), c=rnd.choice(COMPANIES), d=digits,
                       s=rnd.choice(SURNAMES))


class Voice:
    def __init__(self, rnd, split):
        self.base = rnd.choice(VOICE_BASES[VOICE_POOL[split]])
        self.variant = rnd.choice(VOICE_VARIANTS[VOICE_POOL[split]])
        self.speed = rnd.randint(130, 210)
        self.pitch = rnd.randint(25, 75)
        self.tempo = rnd.choice([1.0, 1.0, 0.9, 1.1, 0.85, 1.15])
        self.cents = rnd.choice([0, 0, 0, -200, 150, -100, 250])

    def name(self):
        return "%s+%s/s%d/p%d" % (self.base, self.variant, self.speed, self.pitch)


def render(voice, text, work):
    """espeak-ng → sox (telephone band, pitch/tempo, 8 kHz) → trimmed float list in [-1, 1]."""
    raw = os.path.join(work, "u.raw")
    effects = ["highpass", "300", "lowpass", "3400"]
    if voice.tempo != 1.0:
        effects += ["tempo", "-s", str(voice.tempo)]
    if voice.cents != 0:
        effects += ["pitch", str(voice.cents)]
    effects += ["rate", str(RATE)]
    espeak = subprocess.run(["espeak-ng", "-v", voice.base + "+" + voice.variant, "-s", str(voice.speed),
                             "-p", str(voice.pitch), "--stdout", text], check=True, capture_output=True)
    subprocess.run(["sox", "-q", "-t", "wav", "-", "-t", "raw", "-e", "floating-point", "-b", "32", "-c", "1",
                    raw] + effects, input=espeak.stdout, check=True, capture_output=True)
    samples = array.array("f")
    with open(raw, "rb") as f:
        samples.frombytes(f.read())
    peak = max((abs(x) for x in samples), default=0.0)
    if peak <= 0.0:
        return []
    limit = 0.01 * peak
    first = next(i for i, x in enumerate(samples) if abs(x) > limit)
    last = len(samples) - 1 - next(i for i, x in enumerate(reversed(samples)) if abs(x) > limit)
    seg = samples[first:last + 1]
    rms = math.sqrt(sum(x * x for x in seg) / len(seg))
    return [x / rms for x in seg]  # unit RMS


def noise_bank(kind, seed, seconds=40):
    rnd = random.Random(seed)
    n = RATE * seconds
    out = [0.0] * n
    if kind == "white":
        for i in range(n):
            out[i] = rnd.gauss(0.0, 1.0)
    elif kind == "pink":
        b0 = b1 = b2 = 0.0
        for i in range(n):
            w = rnd.gauss(0.0, 1.0)
            b0 = 0.99765 * b0 + w * 0.0990460
            b1 = 0.96300 * b1 + w * 0.2965164
            b2 = 0.57000 * b2 + w * 1.0526913
            out[i] = b0 + b1 + b2 + w * 0.1848
    else:  # brown, leaky integrator, high-passed a little by the line
        acc = 0.0
        for i in range(n):
            acc = 0.985 * acc + rnd.gauss(0.0, 1.0)
            out[i] = acc
    rms = math.sqrt(sum(x * x for x in out) / n)
    return [x / rms for x in out]


def ulaw_roundtrip_table():
    table = array.array("h", [0] * 65536)
    enc = array.array("B", [0] * 65536)
    for v in range(-32768, 32768):
        sign = 0x80 if v < 0 else 0
        mag = min(-v if v < 0 else v, 32635) + 0x84
        exp = 7
        mask = 0x4000
        while exp > 0 and not (mag & mask):
            exp -= 1
            mask >>= 1
        mant = (mag >> (exp + 3)) & 0x0F
        code = ~(sign | (exp << 4) | mant) & 0xFF
        enc[v & 0xFFFF] = code
        u = ~code & 0xFF
        t = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4)
        table[v & 0xFFFF] = (0x84 - t) if (u & 0x80) else (t - 0x84)
    return table, enc


def alaw_tables():
    table = array.array("h", [0] * 65536)
    enc = array.array("B", [0] * 65536)
    for v in range(-32768, 32768):
        sign = 0x80 if v >= 0 else 0
        mag = (v if v >= 0 else -v - 1) >> 3
        if mag < 32:
            code = (mag >> 1) & 0x0F
        else:
            seg = 1
            while seg < 7 and mag >= (64 << (seg - 1)):
                seg += 1
            code = (seg << 4) | ((mag >> seg) & 0x0F)
        code = (code | sign) ^ 0x55
        enc[v & 0xFFFF] = code
        a = code ^ 0x55
        t = (a & 0x0F) << 4
        s = (a & 0x70) >> 4
        if s == 0:
            t += 8
        elif s == 1:
            t += 0x108
        else:
            t = (t + 0x108) << (s - 1)
        table[v & 0xFFFF] = t if (a & 0x80) else -t
    return table, enc


_TABLES = {}


def tables():
    if not _TABLES:
        _TABLES["ulaw"] = ulaw_roundtrip_table()
        _TABLES["alaw"] = alaw_tables()
        _TABLES["noise"] = {k: noise_bank(k, 1000 + i) for i, k in enumerate(["white", "pink", "brown"])}
    return _TABLES


def write_wav(path, pcm, encoding):
    if encoding == "pcm16":
        data = pcm.tobytes() if sys.byteorder == "little" else _swapped(pcm)
        fmt = struct.pack("<HHIIHH", 1, 1, RATE, RATE * 2, 2, 16)
        chunks = b"fmt " + struct.pack("<I", len(fmt)) + fmt
    else:
        enc = tables()[encoding][1]
        data = bytes(enc[v & 0xFFFF] for v in pcm)
        fmt = struct.pack("<HHIIHHH", 7 if encoding == "ulaw" else 6, 1, RATE, RATE, 1, 8, 0)
        chunks = b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"fact" + struct.pack("<II", 4, len(pcm))
    body = chunks + b"data" + struct.pack("<I", len(data)) + data + (b"\0" if len(data) % 2 else b"")
    with open(path, "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WAVE" + body)


def _swapped(pcm):
    copy = array.array("h", pcm)
    copy.byteswap()
    return copy.tobytes()


class Timeline:
    def __init__(self):
        self.signal = []

    def pos(self):
        return len(self.signal)

    def silence(self, seconds):
        self.signal.extend([0.0] * int(seconds * RATE))

    def add(self, samples, gain):
        self.signal.extend(x * gain for x in samples)
        return len(self.signal)

    def tone(self, freqs, seconds, amp, rnd):
        n = int(seconds * RATE)
        phases = [rnd.random() * 2 * math.pi for _ in freqs]
        ramp = int(0.004 * RATE)
        start = len(self.signal)
        for i in range(n):
            v = 0.0
            for f, ph in zip(freqs, phases):
                v += math.sin(2 * math.pi * f * i / RATE + ph)
            env = min(1.0, (i + 1) / ramp, (n - i) / ramp)
            self.signal.append(amp * env * v / len(freqs))
        return start + n


def music_bed(length, amp, rnd):
    """Polyphonic 'hold music': chords of two or three notes with harmonics, changing every 250-600 ms."""
    out = [0.0] * length
    i = 0
    scale = [262, 294, 330, 349, 392, 440, 494, 523, 587, 659]
    while i < length:
        dur = int(rnd.uniform(0.25, 0.6) * RATE)
        notes = rnd.sample(scale, rnd.choice([2, 3]))
        for j in range(i, min(length, i + dur)):
            t = j / RATE
            v = 0.0
            for f in notes:
                v += math.sin(2 * math.pi * f * t) + 0.4 * math.sin(4 * math.pi * f * t) + \
                    0.2 * math.sin(6 * math.pi * f * t)
            decay = math.exp(-3.0 * (j - i) / dur)
            out[j] = amp * decay * v / (1.6 * len(notes))
        i += dur
    return out


def make_clip(split, index, seed):
    rnd = random.Random(seed)
    work = os.path.join(OUT_DIR, split, ".work-%d" % os.getpid())
    os.makedirs(work, exist_ok=True)
    total = sum(w for _, _, w in KIND_WEIGHTS)
    pick = rnd.uniform(0, total)
    for label, kind, weight in KIND_WEIGHTS:
        pick -= weight
        if pick <= 0:
            break
    voice = Voice(rnd, split)
    level = 10 ** (rnd.uniform(-26, -12) / 20)  # speech RMS, dBFS
    snr = rnd.uniform(25, 45)
    if kind == "noisy":
        snr = rnd.uniform(8, 16)
    elif rnd.random() < 0.25:
        snr = rnd.uniform(15, 25)
    tl = Timeline()
    speech_end = -1
    beep_end = -1

    spoken = []

    def say(text):
        filled = fill(text, rnd)
        end = tl.add(render(voice, filled, work), level * rnd.uniform(0.8, 1.2))
        spoken.append("%s@%d" % (filled, int(round(end * 1000 / RATE))))
        return end

    if label == "HUMAN":
        tl.silence(rnd.uniform(2.5, 4.5) if kind == "slow" else rnd.uniform(0.2, 1.6))
        if kind == "business":
            speech_end = say(rnd.choice(HUMAN_BUSINESS))
        elif kind == "phrase":
            speech_end = say(rnd.choice([t for t in HUMAN_SHORT if " " in t]))
        else:
            speech_end = say(rnd.choice(HUMAN_SHORT[:9]))
        if kind == "hello_twice" or (kind == "slow" and rnd.random() < 0.3):
            tl.silence(rnd.uniform(1.0, 2.2))
            say(rnd.choice(["Hello?", "Hello?", "Hello, anybody there?", "Hello-o?"]))
        tl.silence(rnd.uniform(2.5, 4.0))
    elif label == "MACHINE":
        tl.silence(rnd.uniform(0.1, 1.2))
        if kind == "carrier":
            sentences = rnd.choice(MACHINE_CARRIER)
        elif kind == "very_short":
            sentences = rnd.choice(MACHINE_SHORT)
        elif kind == "full":
            sentences = rnd.choice(MACHINE_FULL)
        else:
            sentences = rnd.choice(MACHINE_PERSONAL)
        music_from = tl.pos()
        for k, sentence in enumerate(sentences):
            if k > 0:
                tl.silence(rnd.uniform(0.05, 0.9))
            speech_end = say(sentence)
        if kind != "full":
            tl.silence(rnd.uniform(0.15, 1.2))
            freq = rnd.uniform(400, 2000)
            amp = level * rnd.uniform(0.8, 2.5) * math.sqrt(2)
            beep_end = tl.tone([freq], rnd.uniform(0.2, 1.0), amp, rnd)
            tl.silence(rnd.uniform(1.5, 2.5))
        else:
            tl.silence(rnd.uniform(2.0, 3.5))
        if kind == "music":
            bed = music_bed(speech_end - music_from + int(0.1 * RATE), level * rnd.uniform(0.2, 0.5), rnd)
            for i, v in enumerate(bed):
                tl.signal[music_from + i] += v
    elif label == "SIT":
        tl.silence(rnd.uniform(0.1, 1.0))
        # Bellcore SR-2275: the first two segments are each short (276 ms) or long (380 ms), low or high in
        # frequency, by the condition (intercept, vacant code, reorder, no circuit); the third is always 1776.7 Hz
        # and long.
        amp = level * math.sqrt(2) * rnd.uniform(0.7, 1.5)
        for lo, hi in ((913.8, 985.2), (1370.6, 1428.5), (1776.7, 1776.7)):
            f = lo if rnd.random() < 0.5 else hi
            tl.tone([f], (0.380 if f == 1776.7 or rnd.random() < 0.5 else 0.276), amp, rnd)
        tl.silence(rnd.uniform(0.05, 0.3))
        speech_end = say(rnd.choice(SIT_TEXT))
        tl.silence(1.0)
    else:
        tl.silence(rnd.uniform(0.2, 2.0))
        amp = level * math.sqrt(2) * rnd.uniform(0.7, 1.5)
        if kind == "ced":
            tl.tone([2100.0], rnd.uniform(2.6, 4.0), amp, rnd)
            tl.silence(0.075)
            tl.signal.extend(0.5 * amp * math.sin(2 * math.pi * (1650 if rnd.random() < 0.5 else 1850) * i / RATE)
                             for i in range(int(1.0 * RATE)))
        else:
            for _ in range(2):
                tl.tone([1100.0], 0.5, amp, rnd)
                tl.silence(3.0)

    # Line noise over the whole call, then optional companding, then 16-bit.
    t = tables()
    kinds = ["white", "pink", "brown"]
    bank = t["noise"][kinds[rnd.randrange(3)]]
    nrms = level * 10 ** (-snr / 20)
    offset = rnd.randrange(len(bank) - len(tl.signal) - 1) if len(bank) > len(tl.signal) + 1 else 0
    hum = rnd.random() < 0.15
    sig = tl.signal
    for i in range(len(sig)):
        v = sig[i] + nrms * bank[(offset + i) % len(bank)]
        if hum:
            v += 0.5 * nrms * math.sin(2 * math.pi * 60 * i / RATE)
        sig[i] = v
    pcm = array.array("h", (max(-32768, min(32767, int(round(v * 32767)))) for v in sig))
    encoding = rnd.choice(["pcm16", "pcm16", "pcm16", "ulaw", "ulaw", "alaw"])
    if encoding == "pcm16" and rnd.random() < 0.5:
        trip = t["ulaw"][0]
        pcm = array.array("h", (trip[v & 0xFFFF] for v in pcm))
    name = "%s_%03d_%s_%s.wav" % (split, index, label.lower(), kind)
    write_wav(os.path.join(OUT_DIR, split, name), pcm, encoding)
    ms = lambda s: -1 if s < 0 else int(round(s * 1000 / RATE))  # noqa: E731
    return "\t".join([name, label, kind, str(ms(speech_end)), str(ms(beep_end)), voice.name(),
                      str(ms(len(pcm))), encoding, " | ".join(spoken)])


OUT_DIR = ""


def init_worker(out):
    global OUT_DIR
    OUT_DIR = out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                                       "detection", "target", "amd-corpus"))
    parser.add_argument("--count", type=int, default=300, help="clips per set")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=20260521)
    parser.add_argument("--train", type=int, default=0,
                        help="also write N clips of the dev population to train/ (for fitting models; not evaluated)")
    args = parser.parse_args()
    sets = SETS + (("train",) if args.train > 0 else ())
    out = os.path.abspath(args.out)
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            sys.exit("amd-corpus: %s not found on PATH (Debian: apt-get install espeak-ng sox)" % tool)
    with open(os.path.abspath(__file__), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    key = "%s count=%d seed=%d train=%d\n" % (digest, args.count, args.seed, args.train)
    hash_file = os.path.join(out, ".hash")
    if os.path.exists(hash_file) and open(hash_file).read() == key:
        print("amd-corpus: up to date in %s" % out)
        return
    if os.path.exists(out):
        shutil.rmtree(out)
    for split in sets:
        os.makedirs(os.path.join(out, split))
    jobs = []
    for split in sets:
        for i in range(args.train if split == "train" else args.count):
            jobs.append((split, i, args.seed * 7919 + SET_OFFSET[split] + i * 104729))
    with ProcessPoolExecutor(max_workers=args.jobs, initializer=init_worker, initargs=(out,)) as pool:
        rows = list(pool.map(make_clip, *zip(*jobs), chunksize=8))
    header = "file\tlabel\tkind\tspeechEndMs\tbeepEndMs\tvoice\tdurationMs\tencoding\ttext\n"
    for split in sets:
        with open(os.path.join(out, split, "manifest.tsv"), "w") as f:
            f.write(header)
            for row in rows:
                if row.startswith(split + "_"):
                    f.write(row + "\n")
        for entry in os.listdir(os.path.join(out, split)):
            if entry.startswith(".work-"):
                shutil.rmtree(os.path.join(out, split, entry))
    with open(hash_file, "w") as f:
        f.write(key)
    print("amd-corpus: %d clips per set in %s" % (args.count, out))


if __name__ == "__main__":
    main()
