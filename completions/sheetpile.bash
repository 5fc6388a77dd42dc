# bash completion for sheetpile (installed as share/bash-completion/completions/sheetpile)
_sheetpile()
{
	local cur prev cmd
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd=${COMP_WORDS[1]}
	local commands="run batch check trust analyze import-dsheet export-dsheet evaluate profiles --help --version"
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "$commands" -- "$cur"))
		return
	fi
	case $prev in
	-o)
		case $cmd in
		run|batch|analyze|analyse) COMPREPLY=($(compgen -d -- "$cur")) ;;
		*) COMPREPLY=($(compgen -f -- "$cur")) ;;
		esac
		return ;;
	--results) COMPREPLY=($(compgen -W "all feasible none" -- "$cur")); return ;;
	--csv-dialect) COMPREPLY=($(compgen -W "rfc4180 excel-eu" -- "$cur")); return ;;
	--anchor-level) COMPREPLY=($(compgen -W "none" -- "$cur")); return ;;
	--catalogue|--grades) COMPREPLY=($(compgen -f -X '!*.csv' -- "$cur")); return ;;
	--licenses|--licences|--threads|-t|--profile|--grade|--length|--candidate|--delay) return ;;
	esac
	local opts
	case $cmd in
	run) opts="-o --licenses --threads --results --csv-dialect --resume --no-plots --quiet --force --trust-solver" ;;
	batch) opts="-o --licenses --threads --results --csv-dialect --no-plots --quiet --force --trust-solver" ;;
	check|trust) opts="" ;;
	analyze|analyse) opts="--profile --grade --length --anchor-level -o --csv-dialect --trust-solver" ;;
	import-dsheet) opts="-o" ;;
	export-dsheet) opts="--candidate --profile --grade --length --anchor-level -o" ;;
	evaluate) opts="-o --delay" ;;
	profiles) opts="--catalogue --grades" ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	elif [ "$cmd" = import-dsheet ]; then
		COMPREPLY=($(compgen -f -X '!*.shi' -- "$cur"))
	elif [ "$cmd" != profiles ]; then
		COMPREPLY=($(compgen -f -X '!*.ini' -- "$cur") $(compgen -d -- "$cur"))
	fi
}
complete -F _sheetpile sheetpile
