# Sourced by ./mvnw before it starts Maven (POSIX sh).
#
# gmalloc is built with --release 25 and ships module-info.class files. Maven's jar plugin rewrites modular
# JARs with the `jar` tool of the JVM that runs Maven, and a JDK older than 25 cannot read a release-25
# module descriptor. So Maven itself must run on JDK 25+. When JAVA_HOME does not already point at one, pick
# the newest JDK 25+ from the usual places; the toolchains plugin then selects the same JDK for javac and tests.
gmalloc_java_ok() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null
}
if [ -z "${JAVA_HOME-}" ] || ! gmalloc_java_ok "$JAVA_HOME"; then
  set +f # mvnw runs with globbing off
  for gmalloc_jdk in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    if gmalloc_java_ok "$gmalloc_jdk"; then
      JAVA_HOME=$gmalloc_jdk
      export JAVA_HOME
    fi
  done
  set -f
fi
