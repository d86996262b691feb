package demo;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A tiny DataStream job for hlink's JAR-job tests: counts slowly, printing every number. */
public final class DemoJob {
    public static void main(String[] args) throws Exception {
        final long pause = args.length > 0 ? Long.parseLong(args[0]) : 100L;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(0, Long.MAX_VALUE)
                .map(n -> {
                    Thread.sleep(pause);
                    return "demo " + n;
                })
                .returns(String.class)
                .print();
        env.execute();  // no name: the pipeline.name hlink sets names the Flink job
    }
}
