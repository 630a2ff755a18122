"""Admin forms that check a feature with the loader's own functions, so the admin accepts exactly
what load_geodata accepts; each problem is shown next to the field it concerns."""

from django import forms

from geodata.validation import check_countries, check_geometry, check_properties, known_countries


class LoaderCheckedForm(forms.ModelForm):
    """Subclasses name the loader's property spec and the geometry types it allows."""

    property_spec: dict = {}
    geometry_types: tuple[str, ...] = ()
    # Form fields whose errors belong to another field of the form (a property -> a field name).
    field_for_property: dict[str, str] = {}

    def properties(self, data: dict) -> dict:
        """The feature's properties as the data file would hold them."""
        return {name: data.get(name) for name in self.property_spec}

    def clean(self):
        data = super().clean()
        props = self.properties(data)
        for name, message in check_properties(props=props, spec=self.property_spec):
            self._problem(name, message)
        geom = data.get("geom")
        if "geom" in self.fields and "geom" not in self.errors:
            for message in check_geometry(geom=geom, allowed=self.geometry_types):
                self._problem("geom", message)
            if not self.has_error("countries") and not self.has_error("geom"):
                for message in check_countries(geom=geom, countries=props.get("countries"),
                                               known=known_countries()):
                    self._problem("countries", message)
        return data

    def _problem(self, name: str, message: str) -> None:
        field = self.field_for_property.get(name, name)
        if field in self.fields and not self.has_error(field):
            self.add_error(field, message)
        elif field not in self.fields:
            self.add_error(None, f"{name}: {message}")
