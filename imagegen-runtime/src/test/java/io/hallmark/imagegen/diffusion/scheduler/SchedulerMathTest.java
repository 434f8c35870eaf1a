package io.hallmark.imagegen.diffusion.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Scheduler math against values derived from SD v1.5's config by hand, and the properties each sampler must have. */
class SchedulerMathTest {

    private static final SchedulerConfig SD15 = SchedulerConfig.stableDiffusion15();

    private static SchedulerConfig with(String spacing, boolean alphaToOne, String prediction) {
        return new SchedulerConfig("PNDMScheduler", 1000, 0.00085, 0.012, "scaled_linear", List.of(), prediction, 1,
                spacing, alphaToOne, false, 1.0, true);
    }

    @Test
    void scaledLinearBetasAreSquaredLinspaceOfRootsAndAlphasTheirCumulativeProduct() {
        NoiseSchedule s = NoiseSchedule.of(SD15);
        assertThat(s.size()).isEqualTo(1000);
        assertThat(s.beta(0)).isCloseTo(0.00085, within(1e-15));
        assertThat(s.beta(999)).isCloseTo(0.012, within(1e-15));
        double root = Math.sqrt(0.00085) + (Math.sqrt(0.012) - Math.sqrt(0.00085)) * 500 / 999;
        assertThat(s.beta(500)).isCloseTo(root * root, within(1e-15));
        double product = 1;
        for (int t = 0; t <= 751; t++) {
            product *= 1 - s.beta(t);
        }
        assertThat(s.alphaCumprod(751)).isCloseTo(product, within(1e-15));
        assertThat(s.alphaCumprod(0)).isCloseTo(1 - 0.00085, within(1e-15));
        // the well-known largest Karras sigma of Stable Diffusion
        assertThat(s.sigma(999)).isCloseTo(14.6146, within(1e-3));
    }

    @Test
    void linearBetasAreALinspace() {
        SchedulerConfig linear = new SchedulerConfig("DDIMScheduler", 1000, 0.0001, 0.02, "linear", List.of(), "epsilon", 0,
                "leading", true, false, 1.0, true);
        NoiseSchedule s = NoiseSchedule.of(linear);
        assertThat(s.beta(0)).isCloseTo(0.0001, within(1e-15));
        assertThat(s.beta(999)).isCloseTo(0.02, within(1e-15));
        assertThat(s.beta(333)).isCloseTo(0.0001 + (0.02 - 0.0001) * 333 / 999, within(1e-15));
    }

    @Test
    void ddimTimestepsFollowSpacingAndStepsOffset() {
        assertThat(new DdimScheduler(SD15, 4).timesteps()).containsExactly(751, 501, 251, 1); // reference.json
        assertThat(new DdimScheduler(with("trailing", false, "epsilon"), 4).timesteps()).containsExactly(999, 749, 499, 249);
        assertThat(new DdimScheduler(with("linspace", false, "epsilon"), 4).timesteps()).containsExactly(999, 666, 333, 0);
        double[] fifty = new DdimScheduler(SD15, 50).timesteps();
        assertThat(fifty).hasSize(50).startsWith(981, 961).endsWith(21, 1);
    }

    @Test
    void pndmRepeatsTheSecondTimestepInItsPlmsWarmUp() {
        assertThat(new PndmScheduler(SD15, 4).timesteps()).containsExactly(751, 501, 501, 251, 1);
        double[] fifty = new PndmScheduler(SD15, 50).timesteps();
        assertThat(fifty).hasSize(51).startsWith(981, 961, 961, 941).endsWith(21, 1);
        assertThat(SchedulerKind.PNDM.calls(50)).isEqualTo(51);
        assertThat(SchedulerKind.DDIM.calls(50)).isEqualTo(50);
    }

    @Test
    void eulerSigmasAreKarrasSigmasAtTheTimestepsEndingAtZero() {
        EulerDiscreteScheduler leading = new EulerDiscreteScheduler(SD15, 4);
        NoiseSchedule s = NoiseSchedule.of(SD15);
        assertThat(leading.timesteps()).containsExactly(751, 501, 251, 1);
        assertThat(leading.sigma(0)).isCloseTo(s.sigma(751), within(1e-12));
        assertThat(leading.sigma(3)).isCloseTo(s.sigma(1), within(1e-12));
        assertThat(leading.sigma(4)).isZero();
        // leading spacing: the noise is scaled to unit variance of x_t in sigma space
        assertThat(leading.initNoiseSigma()).isCloseTo(Math.sqrt(s.sigma(751) * s.sigma(751) + 1), within(1e-12));
        float[] scaled = leading.scaleModelInput(new float[] {2f}, 0);
        assertThat(scaled[0]).isCloseTo((float) (2 / Math.sqrt(s.sigma(751) * s.sigma(751) + 1)), within(1e-6f));

        EulerDiscreteScheduler linspace = new EulerDiscreteScheduler(with("linspace", false, "epsilon"), 3);
        assertThat(linspace.timesteps()).containsExactly(999, 499.5, 0);
        assertThat(linspace.sigma(1)).isCloseTo((s.sigma(499) + s.sigma(500)) / 2, within(1e-12));
        assertThat(linspace.initNoiseSigma()).isCloseTo(s.sigma(999), within(1e-12));
    }

    /** x_t built from a known x0 and noise, in the space each scheduler keeps its latents in. */
    private static float[] noisy(SchedulerKind kind, Scheduler scheduler, NoiseSchedule s, int index, float[] x0,
            float[] eps) {
        float[] x = new float[x0.length];
        double t = scheduler.timesteps()[index];
        for (int i = 0; i < x.length; i++) {
            if (kind == SchedulerKind.EULER) {
                x[i] = (float) (x0[i] + ((EulerDiscreteScheduler) scheduler).sigma(index) * eps[i]);
            } else {
                double a = s.alphaCumprod((int) t);
                x[i] = (float) (Math.sqrt(a) * x0[i] + Math.sqrt(1 - a) * eps[i]);
            }
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(SchedulerKind.class)
    void oneStepWithTheExactNoiseRecoversTheCleanLatents(SchedulerKind kind) {
        SchedulerConfig config = with("leading", true, "epsilon"); // final alpha 1: the last step lands on x0
        Scheduler scheduler = kind.create(config, 1);
        assertThat(scheduler.calls()).isEqualTo(1);
        float[] x0 = random(64, 1);
        float[] eps = random(64, 2);
        float[] x = noisy(kind, scheduler, NoiseSchedule.of(config), 0, x0, eps);
        float[] out = scheduler.step(eps, 0, x);
        for (int i = 0; i < x0.length; i++) {
            assertThat(out[i]).as("%s element %d", kind, i).isCloseTo(x0[i], within(1e-4f));
        }
    }

    @ParameterizedTest
    @EnumSource(SchedulerKind.class)
    void aWholeRunWithTheExactNoiseStaysOnTheTrajectoryAndEndsAtTheCleanLatents(SchedulerKind kind) {
        SchedulerConfig config = with("leading", true, "epsilon");
        Scheduler scheduler = kind.create(config, 10);
        NoiseSchedule s = NoiseSchedule.of(config);
        float[] x0 = random(64, 3);
        float[] eps = random(64, 4);
        float[] x = noisy(kind, scheduler, s, 0, x0, eps);
        for (int i = 0; i < scheduler.calls(); i++) {
            x = scheduler.step(eps, i, x);
        }
        for (int i = 0; i < x0.length; i++) {
            assertThat(x[i]).as("%s element %d", kind, i).isCloseTo(x0[i], within(1e-3f));
        }
    }

    @Test
    void ddimUnderstandsVelocityPrediction() {
        SchedulerConfig config = with("leading", true, "v_prediction");
        DdimScheduler ddim = new DdimScheduler(config, 1);
        NoiseSchedule s = NoiseSchedule.of(config);
        double a = s.alphaCumprod((int) ddim.timesteps()[0]);
        float[] x0 = random(16, 5);
        float[] eps = random(16, 6);
        float[] x = new float[16];
        float[] v = new float[16];
        for (int i = 0; i < 16; i++) {
            x[i] = (float) (Math.sqrt(a) * x0[i] + Math.sqrt(1 - a) * eps[i]);
            v[i] = (float) (Math.sqrt(a) * eps[i] - Math.sqrt(1 - a) * x0[i]);
        }
        float[] out = ddim.step(v, 0, x);
        for (int i = 0; i < 16; i++) {
            assertThat(out[i]).isCloseTo(x0[i], within(1e-4f));
        }
    }

    @Test
    void pndmsFirstStepIsADdimStep() {
        PndmScheduler pndm = new PndmScheduler(SD15, 4);
        DdimScheduler ddim = new DdimScheduler(SD15, 4);
        float[] x = random(32, 7);
        float[] eps = random(32, 8);
        assertThat(pndm.step(eps, 0, x)).usingComparatorWithPrecision(1e-5f).containsExactly(ddim.step(eps, 0, x));
    }

    @Test
    void rejectsStepCountsOutsideTheTrainingSchedule() {
        assertThatThrownBy(() -> new DdimScheduler(SD15, 0)).hasMessageContaining("between 1 and num_train_timesteps");
        assertThatThrownBy(() -> new EulerDiscreteScheduler(SD15, 1001)).hasMessageContaining("1000");
        assertThatThrownBy(() -> SchedulerKind.parse("lms")).hasMessageContaining("[euler, ddim, pndm]");
        assertThat(SchedulerKind.parse("EulerDiscreteScheduler")).isEqualTo(SchedulerKind.EULER);
        assertThat(SchedulerKind.ofConfig(SD15)).isEqualTo(SchedulerKind.PNDM);
        assertThat(SchedulerKind.ofConfig(named("DDIMScheduler"))).isEqualTo(SchedulerKind.DDIM);
        assertThat(SchedulerKind.ofConfig(named("EulerAncestralDiscreteScheduler"))).isEqualTo(SchedulerKind.EULER);
        assertThat(SchedulerKind.ofConfig(named("LMSDiscreteScheduler"))).isEqualTo(SchedulerKind.PNDM);
    }

    private static SchedulerConfig named(String className) {
        return new SchedulerConfig(className, 1000, 0.00085, 0.012, "scaled_linear", List.of(), "epsilon", 1, "leading",
                false, false, 1.0, true);
    }

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }
}
