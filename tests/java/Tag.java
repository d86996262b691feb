package demo;

import org.apache.flink.table.functions.ScalarFunction;

/** A scalar UDF for hlink's tests: marks a value as having passed through it. */
public class Tag extends ScalarFunction {
    public String eval(String value) {
        return value == null ? null : "udf:" + value;
    }
}
