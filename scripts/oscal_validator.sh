# scripts/oscal_validator.sh: the JSON-schema validator of the OSCAL checks
# (check-oscal-ssp.sh, check-oscal-assessment.sh), sourced by each after
# cluster.sh with $top set: ajv-cli and ajv-formats, pinned, installed once
# under build/npm.  ajv, not python3-jsonschema: NIST's schemas use the
# Unicode property escapes (\p{L}) of XML Schema in their patterns, which
# ajv's unicode regular expressions know and Python's re does not.
# When npm fails, its own output is shown, with what to do.
validator="ajv-cli@5.0.0 ajv-formats@2.1.1"
install_validator()
{
	local prefix=$1 log
	shift
	mkdir -p "$prefix"
	log=$prefix/npm-install.log
	if ! npm install --no-audit --no-fund --prefix "$prefix" "$@" $validator >"$log" 2>&1; then
		cat "$log"
		echo "npm could not install the schema validator ($validator) into $prefix; its output is above."
		echo "It is fetched once from the npm registry ($(npm config get registry 2>/dev/null)), which this"
		echo "machine must reach: behind a proxy, npm config set proxy http://HOST:PORT; behind one that"
		echo "inspects TLS (npm says SELF_SIGNED_CERT_IN_CHAIN), npm config set cafile FILE with its CA.  Or run"
		echo "  npm install --prefix build/npm $validator"
		echo "where the registry is reachable and copy build/npm into this checkout.  Then run make test again."
		return 1
	fi
}
ajv=build/npm/node_modules/.bin/ajv
# validate FILE [SCHEMA]: ajv's verdict on one document, Draft-07 as NIST's schemas declare
validate() {
	"$top/$ajv" validate --spec=draft7 -c ajv-formats --strict=false --all-errors -s "${2:-$schema}" -d "$1" 2>&1
}
