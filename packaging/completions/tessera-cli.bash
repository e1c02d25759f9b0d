# bash completion for tessera-cli                                     -*- shell-script -*-
# Installed as share/bash-completion/completions/tessera-cli. Every command and option of
# `tessera-cli --help` and `tessera-cli COMMAND --help` is listed here; the packaging test
# (tests/packaging/check-cli-docs.sh) fails when one is missing.

_tessera_cli_options() {
    case $1 in
        create) echo --name --secret-key --emergency-kit --kdf-ops --kdf-mem ;;
        info | status | backups | search) echo --json ;;
        ls) echo --json --trash ;;
        show) echo --json --show-protected --field ;;
        totp) echo --at --counter --json ;;
        add | edit)
            echo --title --username --url --notes --notes-stdin --folder --tag --field --favourite \
                --no-favourite --expires --password-prompt --generate --protected-field \
                --totp-prompt
            [[ $1 == edit ]] && echo --clear-urls --clear-tags --remove-field
            ;;
        rm) echo --purge ;;
        passwd) echo --kdf-ops --kdf-mem ;;
        attach) echo --name ;;
        attachment-export) echo -o --output ;;
        generate)
            echo --length --no-upper --no-lower --no-digits --no-symbols --custom \
                --exclude-lookalikes --words --separator --capitalize --digit --spec --count
            ;;
        health) echo --json --max-age-months --pwned-file ;;
        sync) echo --new-password-prompt --json ;;
        restore-backup) echo --rollback --old-password-prompt ;;
        merge) echo --other-password-prompt --old-password-prompt --accept-rollback ;;
        import) echo --format --map --dry-run ;;
        export)
            echo --format -o --output --force --i-understand-plaintext --kdf-ops --kdf-mem
            ;;
        secret-key) echo --emergency-kit --replace ;;
        emergency-kit) echo --force ;;
    esac
    # The global option, for every command that opens a vault.
    [[ $1 != generate ]] && echo --secret-key-file
    echo -h --help
}

_tessera_cli() {
    local cur prev words cword split
    _init_completion -s || return

    local commands="create info ls search show totp add edit rm restore passwd attach
        attachment-export detach generate health sync status backups restore-backup merge
        import export secret-key emergency-kit help"

    # The command is the first word after tessera-cli that is neither an option nor the value of
    # the global --secret-key-file (which may come before the command).
    local i command=
    for ((i = 1; i < cword; i++)); do
        if [[ ${words[i]} == --secret-key-file ]]; then
            ((i++))
        elif [[ ${words[i]} != -* ]]; then
            command=${words[i]}
            break
        fi
    done
    if [[ -z $command ]]; then
        if [[ $prev == --secret-key-file ]]; then
            _filedir
        elif [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '--help --version --secret-key-file' -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        fi
        return
    fi
    if [[ $command == help ]]; then
        ((cword == i + 1)) && COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        return
    fi

    # Values of options that take one.
    case $prev in
        --format)
            if [[ $command == import ]]; then
                COMPREPLY=($(compgen -W 'keepassxc-csv keepass-xml bitwarden-json
                    bitwarden-csv 1password-csv chrome-csv firefox-csv csv' -- "$cur"))
            else
                COMPREPLY=($(compgen -W 'tessera csv keepassxc-csv keepass-xml
                    bitwarden-json' -- "$cur"))
            fi
            return
            ;;
        --capitalize)
            COMPREPLY=($(compgen -W 'first all' -- "$cur"))
            return
            ;;
        --expires)
            COMPREPLY=($(compgen -W 'never' -- "$cur"))
            return
            ;;
        -o | --output | --pwned-file | --secret-key-file)
            _filedir
            return
            ;;
        --emergency-kit)
            _filedir pdf
            return
            ;;
        --name | --kdf-ops | --kdf-mem | --field | --at | --counter | --title | --username | \
            --url | --notes | --folder | --tag | --protected-field | --remove-field | \
            --length | --custom | --words | --separator | --spec | --count | \
            --max-age-months | --map)
            return
            ;;
    esac
    $split && return

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_tessera_cli_options "$command")" -- "$cur"))
        [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
        return
    fi

    # Positional arguments: the vault first, then files where the command takes them.
    local positional=0 word
    for ((i = i + 1; i < cword; i++)); do
        word=${words[i]}
        case $word in
            --format | --name | --kdf-ops | --kdf-mem | --field | --at | --counter | --title | \
                --username | --url | --notes | --folder | --tag | --protected-field | \
                --remove-field | --expires | -o | --output | --length | --custom | --words | \
                --separator | --capitalize | --spec | --count | --max-age-months | \
                --pwned-file | --map | --secret-key-file | --emergency-kit)
                ((i++))
                ;;
            -*) ;;
            *) ((positional++)) ;;
        esac
    done
    case $command,$positional in
        generate,*) ;;
        secret-key,0) COMPREPLY=($(compgen -W 'enable disable remember forget' -- "$cur")) ;;
        secret-key,1) _filedir tessera ;;
        emergency-kit,1) _filedir pdf ;;
        *,0) _filedir tessera ;;
        attach,2 | import,1) _filedir ;;
        merge,* | restore-backup,1) _filedir tessera ;;
    esac
} &&
    complete -F _tessera_cli tessera-cli

# ex: filetype=sh
