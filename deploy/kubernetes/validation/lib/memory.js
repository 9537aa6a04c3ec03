// Worst-case memory of a JVM container, from its JAVA_OPTS_APPEND and its memory limit.
//
// The JVM's footprint is bounded by what the flags cap: heap (-Xmx or MaxRAMPercentage of
// the limit), metaspace, code cache, direct buffers and thread stacks. What is left
// (GC structures, JIT arenas, malloc, the CDS mapping, symbol tables) must fit into the
// headroom. THREADS is the thread budget a service stays within: Quarkus worker pool
// (WORKER_MAX_THREADS, 16), 2 event loops per core (2 cores), Kafka/Mongo clients, GC,
// JIT and housekeeping threads. Measured: the gateway idles at 26 threads (VmRSS 137 MiB) on
// 2 cores; + 16 workers under load + Kafka/MongoDB client threads stays below 64.
export const THREADS = 64;
export const MIN_HEADROOM = 0.15;
export const DEFAULT_STACK_MIB = 1;

const SIZE = /^(\d+(?:\.\d+)?)([kKmMgG]?)$/;
export function sizeMiB(s) {
  const m = SIZE.exec(s);
  if (!m) throw new Error(`unreadable JVM size ${s}`);
  return Number(m[1]) * ({ k: 1 / 1024, m: 1, g: 1024, '': 1 / (1024 * 1024) }[m[2].toLowerCase()]);
}

/** { items: {heap, metaspace, codeCache, direct, stacks}, total, limit, headroom, problems } */
export function memoryBudget(javaOpts, limitMiB) {
  const problems = [];
  const flag = (re) => re.exec(javaOpts)?.[1];
  let heap;
  if (flag(/-Xmx(\S+)/)) heap = sizeMiB(flag(/-Xmx(\S+)/));
  else if (flag(/-XX:MaxRAMPercentage=(\d+(?:\.\d+)?)/)) heap = (limitMiB * Number(flag(/-XX:MaxRAMPercentage=(\d+(?:\.\d+)?)/))) / 100;
  else problems.push('the heap is not bounded (-Xmx or -XX:MaxRAMPercentage)');
  const capped = (name, re) => {
    const v = flag(re);
    if (v === undefined) {
      problems.push(`${name} is uncapped (${re.source.replace(/\\/g, '').replace('(\\S+)', '<size>')})`);
      return undefined;
    }
    return sizeMiB(v);
  };
  const metaspace = capped('metaspace', /-XX:MaxMetaspaceSize=(\S+)/);
  const codeCache = capped('code cache', /-XX:ReservedCodeCacheSize=(\S+)/);
  const direct = capped('direct memory', /-XX:MaxDirectMemorySize=(\S+)/);
  const stack = flag(/-Xss(\S+)/) ? sizeMiB(flag(/-Xss(\S+)/)) : DEFAULT_STACK_MIB;
  const stacks = THREADS * stack;
  if (!/-XX:\+ExitOnOutOfMemoryError/.test(javaOpts)) problems.push('-XX:+ExitOnOutOfMemoryError missing: a JVM out of memory would limp on instead of restarting');
  const items = { heap, metaspace, codeCache, direct, stacks };
  const total = Object.values(items).reduce((a, b) => a + (b ?? 0), 0);
  const headroom = limitMiB - total;
  if (problems.length === 0 && headroom < MIN_HEADROOM * limitMiB) {
    problems.push(`heap ${heap} + metaspace ${metaspace} + code cache ${codeCache} + direct ${direct} + stacks ${stacks} = ${total.toFixed(1)} MiB leaves ${headroom.toFixed(1)} MiB of ${limitMiB} MiB (< ${MIN_HEADROOM * 100}% headroom)`);
  }
  return { items, total, limit: limitMiB, headroom, problems };
}
