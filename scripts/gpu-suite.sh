#!/usr/bin/env bash
# The text runtime's GPU suite in one command, for a machine with an NVIDIA GPU: checks the GPU (nvidia-smi), builds
# with the CUDA build of libtorch (-Pcuda), runs the text conformance tests with the models on the GPU
# (-Dhallmark.test.device=gpu:N) and `bench textgen` on ~1B-parameter Llama-3-shaped random-weight files in Q4_K and
# Q8_0 (Hallmark on the GPU against llama.cpp on the CPU, same files, same run), and writes everything to a folder.
# It refuses to run, with exit code 3, when no GPU is visible: a GPU suite that quietly ran on the CPU would prove
# nothing. See docs/text-generation.md ("GPU").
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/gpu-suite.sh [options]

  --out DIR          where results go (default: target/gpu-suite/<UTC time>)
  --gpu N            the GPU to run on (default 0)
  --models-dir DIR   a model directory with stories260k/ (default: $HALLMARK_MODELS_DIR, else ../shared/models)
  --bench-dir DIR    where the ~1B random-weight GGUF files are written, or found when already there
                     (default: <out>/models; about 2.4 GB for Q4_K and Q8_0)
  --skip-build       use the existing -Pcuda build (app/target) instead of building again
  --no-bench         run the conformance tests only
  --offline          pass -o to Maven (the CUDA libtorch jar, 2.4 GB, must already be in ~/.m2)
  --check            only check the GPU and print what would run
  -h, --help         this help

Exit codes: 0 all passed; 1 a step failed (see <out>/SUMMARY.md); 2 bad arguments; 3 no usable GPU.
EOF
}

die() { # code message...
  local code=$1
  shift
  echo "gpu-suite: error: $*" >&2
  exit "$code"
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out=""
gpu=0
models_dir="${HALLMARK_MODELS_DIR:-$root/../shared/models}"
bench_dir=""
skip_build=0
bench=1
offline=()
check_only=0

need_value() { # option value
  [[ $# -ge 2 && -n $2 && $2 != --* ]] || die 2 "$1 needs a value (see --help)"
}

while [[ $# -gt 0 ]]; do
  case $1 in
    --out) need_value "$@"; out=$2; shift 2 ;;
    --gpu) need_value "$@"; gpu=$2; shift 2 ;;
    --models-dir) need_value "$@"; models_dir=$2; shift 2 ;;
    --bench-dir) need_value "$@"; bench_dir=$2; shift 2 ;;
    --skip-build) skip_build=1; shift ;;
    --no-bench) bench=0; shift ;;
    --offline) offline=(-o); shift ;;
    --check) check_only=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die 2 "unknown argument '$1' (see --help)" ;;
  esac
done
[[ $gpu =~ ^[0-9]+$ ]] || die 2 "--gpu must be a GPU index (0, 1, ...), not '$gpu'"

# --- the GPU: nvidia-smi must list it, and CUDA_VISIBLE_DEVICES must not hide it --------------------------------
smi="$(command -v nvidia-smi || true)"
[[ -n $smi ]] || die 3 "no GPU visible: nvidia-smi is not on the PATH (no NVIDIA driver installed). This suite only runs on a machine with an NVIDIA GPU; refusing rather than running on the CPU."
if ! gpus="$("$smi" --query-gpu=index,name,memory.total,driver_version --format=csv,noheader 2>&1)"; then
  die 3 "no GPU visible: nvidia-smi failed: $(head -n 3 <<<"$gpus")"
fi
gpus="$(grep -E '^[0-9]+, ' <<<"$gpus" || true)"
[[ -n $gpus ]] || die 3 "no GPU visible: nvidia-smi lists no GPU"
grep -qE "^$gpu, " <<<"$gpus" || die 3 "GPU $gpu is not there; nvidia-smi lists: $(cut -d, -f1,2 <<<"$gpus" | paste -sd ';')"
if [[ -n ${CUDA_VISIBLE_DEVICES+set} && ( -z $CUDA_VISIBLE_DEVICES || $CUDA_VISIBLE_DEVICES == -1 ) ]]; then
  die 3 "no GPU visible: CUDA_VISIBLE_DEVICES='$CUDA_VISIBLE_DEVICES' hides every GPU"
fi
# DJL asks the CUDA runtime (libcudart, through JNA) whether there is a GPU before it picks the CUDA libtorch
if ! ldconfig -p 2>/dev/null | grep -q 'libcudart\.so'; then
  for dir in /usr/local/cuda/lib64 /usr/local/cuda/targets/x86_64-linux/lib; do
    if compgen -G "$dir/libcudart.so*" >/dev/null; then
      export LD_LIBRARY_PATH="$dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
      break
    fi
  done
fi

[[ -n $out ]] || out="$root/target/gpu-suite/$(date -u +%Y%m%dT%H%M%SZ)"
[[ -n $bench_dir ]] || bench_dir="$out/models"
gpu_line="$(grep -E "^$gpu, " <<<"$gpus")"

plan() {
  echo "GPU:        $gpu_line"
  echo "results:    $out"
  echo "build:      ./mvnw -B ${offline[*]} -Pcuda -DskipTests package$([[ $skip_build == 1 ]] && echo '   (skipped: --skip-build)')"
  echo "tests:      ./mvnw -B ${offline[*]} -Pcuda -pl textgen-runtime -am verify -Dhallmark.test.device=gpu:$gpu -Dtest=$tests"
  if [[ $bench == 1 ]]; then
    echo "bench:      ./hallmark bench textgen --device gpu:$gpu --write-llama3-1b $bench_dir --types Q4_K,Q8_0"
    echo "            ./hallmark bench textgen --device gpu:$gpu --model $bench_dir/random-llama3-1b-Q4_K.gguf --model $bench_dir/random-llama3-1b-Q8_0.gguf --json"
  fi
}

tests='LlamaCppConformanceTest,DeviceFloat16PlacementTest,LlamaModelTest,CrossFormatTest,LlamaGeneratorTest'
if [[ $check_only == 1 ]]; then
  plan
  exit 0
fi

mkdir -p "$out"
plan | tee "$out/plan.txt"
{
  echo "# GPU suite, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "- commit: $(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "- GPU: $gpu_line"
  echo "- host: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
  echo
} >"$out/SUMMARY.md"
"$smi" >"$out/nvidia-smi.txt" 2>&1 || true

failed=0
step() { # name log command...
  local name=$1 log=$2
  shift 2
  echo "gpu-suite: $name (log: $log)" >&2
  local start=$SECONDS
  if (cd "$root" && "$@") >"$log" 2>&1; then
    echo "- $name: passed in $((SECONDS - start)) s" >>"$out/SUMMARY.md"
    return 0
  fi
  echo "- $name: FAILED after $((SECONDS - start)) s (log: $(basename "$log"))" >>"$out/SUMMARY.md"
  echo "gpu-suite: $name FAILED; the end of its log:" >&2
  tail -n 30 "$log" >&2
  failed=1
  return 1
}

if [[ $skip_build == 0 ]]; then
  step "build with -Pcuda" "$out/build.log" ./mvnw -B "${offline[@]}" -Pcuda -DskipTests package \
    || { echo "gpu-suite: the build failed; nothing else can run" >&2; exit 1; }
fi
grep -q 'pytorch-native-cu' <(ls "$root/app/target/lib" 2>/dev/null) \
  || die 1 "app/target/lib has no CUDA libtorch (pytorch-native-cu*): build with -Pcuda (drop --skip-build)"

step "textgen conformance on gpu:$gpu" "$out/conformance.log" ./mvnw -B "${offline[@]}" -Pcuda -pl textgen-runtime -am \
  verify "-Dhallmark.test.device=gpu:$gpu" "-Dtest=$tests" -Dsurefire.failIfNoSpecifiedTests=false || true
mkdir -p "$out/surefire-reports"
cp "$root"/textgen-runtime/target/surefire-reports/*.txt "$out/surefire-reports/" 2>/dev/null || true
grep -hE 'runs on|differs at token|near-tie' "$out/conformance.log" >"$out/conformance-devices-and-near-ties.txt" || true

if [[ $bench == 1 ]]; then
  export HALLMARK_SKIP_BUILD=1 # the launcher must not rebuild with the CPU libtorch
  files=("$bench_dir/random-llama3-1b-Q4_K.gguf" "$bench_dir/random-llama3-1b-Q8_0.gguf")
  if [[ ! -f ${files[0]} || ! -f ${files[1]} ]]; then
    step "write the ~1B random-weight files" "$out/bench-write.log" ./hallmark bench textgen --models-dir "$models_dir" \
      --device "gpu:$gpu" --write-llama3-1b "$bench_dir" --types Q4_K,Q8_0 || true
  fi
  if [[ -f ${files[0]} && -f ${files[1]} ]]; then
    # shellcheck disable=SC2317 # called through step
    bench_textgen() { # the JSON to its own file, the progress lines to the step's log
      ./hallmark bench textgen --models-dir "$models_dir" --device "gpu:$gpu" --model "${files[0]}" \
        --model "${files[1]}" --json >"$out/bench-textgen.json"
    }
    step "bench textgen on gpu:$gpu vs llama.cpp (CPU)" "$out/bench-textgen.log" bench_textgen || true
  fi
fi

"$smi" --query-gpu=index,name,memory.used,memory.total --format=csv >>"$out/nvidia-smi.txt" 2>&1 || true
echo >>"$out/SUMMARY.md"
if [[ $failed == 0 ]]; then
  echo "Result: all steps passed." >>"$out/SUMMARY.md"
else
  echo "Result: FAILED (see the logs beside this file)." >>"$out/SUMMARY.md"
fi
cat "$out/SUMMARY.md"
exit "$failed"
