package dev.descent.cuda;

import dev.descent.core.compute.Activation;
import dev.descent.cuda.CudaKernels.Kernel;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kernels.cu against the Java side: kernel names, activation codes. */
class KernelSourceTest {

    private static final Pattern DEFINE = Pattern.compile("#define ACT_(\\w+) (\\d+)");

    /** Every {@code extern "C" __global__} function of the source with its argument kinds (see {@link KernelArgs#kinds}). */
    static Map<String, String> signatures() {
        Matcher m = Pattern.compile("extern \"C\" __global__ void (\\w+)\\(([^)]*)\\)").matcher(CudaKernels.source());
        Map<String, String> map = new LinkedHashMap<>();
        while (m.find()) {
            StringBuilder kinds = new StringBuilder();
            for (String parameter : m.group(2).split(",")) {
                String p = parameter.trim().replaceAll("\\s+", " ");
                if (p.contains("*")) {
                    kinds.append('p');
                } else if (p.startsWith("int ")) {
                    kinds.append('i');
                } else if (p.startsWith("i64 ")) {
                    kinds.append('l');
                } else if (p.startsWith("float ")) {
                    kinds.append('f');
                } else {
                    throw new AssertionError("unexpected parameter '" + p + "' of " + m.group(1));
                }
            }
            map.put(m.group(1), kinds.toString());
        }
        return map;
    }

    @Test
    void everyKernelTheBackendLaunchesIsInTheSourceAndNoOther() {
        Set<String> java = Arrays.stream(Kernel.values()).map(Kernel::cudaName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(java, new TreeSet<>(signatures().keySet()));
    }

    @Test
    void activationCodesAgreeWithTheSourceDefines() {
        Matcher m = DEFINE.matcher(CudaKernels.source());
        Map<String, Integer> defines = new LinkedHashMap<>();
        while (m.find()) {
            defines.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertEquals(Activation.values().length, defines.size());
        for (Activation f : Activation.values()) {
            assertEquals(defines.get(f.name()), CudaKernels.activationCode(f), f.name());
        }
        assertEquals(defines.size(), new TreeSet<>(defines.values()).size(), "codes must be distinct");
    }

    @Test
    void badIndexBitsAgreeWithTheSourceDefines() {
        String source = CudaKernels.source();
        assertTrue(source.contains("#define BAD_ROW_INDEX " + CudaKernels.BAD_ROW_INDEX + "\n"));
        assertTrue(source.contains("#define BAD_TARGET_CLASS " + CudaKernels.BAD_TARGET_CLASS + "\n"));
        assertTrue(source.contains("atomicOr(bad, BAD_ROW_INDEX)"));
        assertTrue(source.contains("atomicOr(bad, BAD_TARGET_CLASS)"));
        assertEquals(0, CudaKernels.BAD_ROW_INDEX & CudaKernels.BAD_TARGET_CLASS, "distinct bits");
    }

    @Test
    void sourceIsCompiledWithoutFusedMultiplyAdd() {
        assertEquals(java.util.List.of("--fmad=false"), CudaKernels.COMPILE_OPTIONS);
    }
}
