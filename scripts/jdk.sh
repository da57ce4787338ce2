# Sourced by ./prod2test, scripts/with-jdk and .ci/run: finds a JDK whose version is 21 or newer.
# Looks at $JAVA_HOME, then the java on PATH, then /usr/lib/jvm/*; prints the JDK home.

prod2test_java_feature() {
  # The feature release of a java binary: 17, 21, 25 ... (1.8 reads as 1, which is too old anyway).
  "$1" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print v[1]; exit }'
}

prod2test_find_jdk() {
  local candidates=() java home feature
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  java=$(command -v java 2>/dev/null) && candidates+=("$(readlink -f "$java")")
  for home in /usr/lib/jvm/*/; do candidates+=("${home}bin/java"); done
  for java in "${candidates[@]}"; do
    [ -x "$java" ] || continue
    # Maven needs javac, so a bare JRE does not do.
    [ -x "$(dirname "$java")/javac" ] || continue
    feature=$(prod2test_java_feature "$java")
    if [ -n "$feature" ] && [ "$feature" -ge 21 ] 2>/dev/null; then
      dirname "$(dirname "$java")"
      return 0
    fi
  done
  return 1
}

prod2test_require_jdk() {
  local jdk
  if ! jdk=$(prod2test_find_jdk); then
    echo "prod2test: no JDK 21 or newer found (looked at \$JAVA_HOME, the java on PATH and /usr/lib/jvm/*)." >&2
    echo "prod2test: install one (e.g. 'apt-get install openjdk-21-jdk' or a Temurin build) or set JAVA_HOME to it." >&2
    return 1
  fi
  printf '%s\n' "$jdk"
}
