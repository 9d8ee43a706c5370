"""Rule definitions shipped as data: one YAML file per rule."""
