package dev.backprop.core.plugin;

import dev.backprop.api.init.WeightInitializer;
import dev.backprop.core.init.Constant;
import dev.backprop.core.init.GlorotNormal;
import dev.backprop.core.init.GlorotUniform;
import dev.backprop.core.init.HeNormal;
import dev.backprop.core.init.HeUniform;
import dev.backprop.core.init.LecunNormal;
import dev.backprop.core.init.LecunUniform;
import dev.backprop.core.init.Zeros;
import java.util.List;

/** Core's own weight initialisers, for registries built without discovery. */
final class BuiltInInitializers {

    private BuiltInInitializers() {
    }

    static List<WeightInitializer> all() {
        return List.of(new GlorotUniform(), new GlorotNormal(), new HeUniform(), new HeNormal(), new LecunNormal(),
                new LecunUniform(), new Zeros(), new Constant());
    }
}
