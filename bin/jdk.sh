# shellcheck shell=bash
# Sourced by bin/topicbench, bin/mvn and .ci/run: finds a JDK 25 or newer and exports JAVA_HOME.
# Order: $JAVA_HOME if it is a JDK 25+, then `java` on the PATH if it is 25+, then the
# newest JDK 25+ in the operating system's JVM folder (/usr/lib/jvm on Debian and Ubuntu,
# /usr/lib/jvm or /etc/alternatives on Fedora, /Library/Java/JavaVirtualMachines on macOS).

topicbench_java_major() {
  # prints the feature version of the JDK whose home is $1 (0 when it is not a JDK)
  local home=$1 line ver
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || { echo 0; return; }
  if [ -f "$home/release" ]; then
    line=$(grep -E '^JAVA_VERSION=' "$home/release" 2>/dev/null | head -n1)
    ver=${line#JAVA_VERSION=}; ver=${ver//\"/}
  fi
  if [ -z "${ver:-}" ]; then
    ver=$("$home/bin/java" -version 2>&1 | head -n1 | sed -E 's/.*version "([^"]+)".*/\1/')
  fi
  ver=${ver#1.}
  ver=${ver%%[.+-]*}
  case "$ver" in ''|*[!0-9]*) echo 0 ;; *) echo "$ver" ;; esac
}

topicbench_find_jdk() {
  local need=25 cand home
  if [ -n "${JAVA_HOME:-}" ] && [ "$(topicbench_java_major "$JAVA_HOME")" -ge "$need" ]; then
    return 0
  fi
  if cand=$(command -v java 2>/dev/null); then
    cand=$(readlink -f "$cand" 2>/dev/null || echo "$cand")
    home=$(dirname "$(dirname "$cand")")
    if [ "$(topicbench_java_major "$home")" -ge "$need" ]; then
      export JAVA_HOME=$home; return 0
    fi
  fi
  local best="" best_ver=0 v roots
  # TOPICBENCH_JVM_ROOTS (space-separated folders) replaces the standard folders; the tests use it
  roots=${TOPICBENCH_JVM_ROOTS:-/usr/lib/jvm /usr/java /Library/Java/JavaVirtualMachines}
  for home in $(for r in $roots; do printf '%s\n' "$r"/* "$r"/*/Contents/Home; done); do
    [ -d "$home" ] || continue
    v=$(topicbench_java_major "$home")
    if [ "$v" -ge "$need" ] && [ "$v" -gt "$best_ver" ]; then best=$home; best_ver=$v; fi
  done
  if [ -n "$best" ]; then export JAVA_HOME=$best; return 0; fi
  echo "topicbench: needs a JDK 25 or newer: set JAVA_HOME to one, put its java first on the PATH, or install one under /usr/lib/jvm" >&2
  return 1
}
