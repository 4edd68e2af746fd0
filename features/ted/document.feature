Feature: The TED document's lab, transcript for transcript
  Cisco's "Configuring IPSec Tunnel Endpoint Discovery" joins Daphne and fred with one TED template
  each and no peer configured anywhere: the first packet from 13.13.13.14 to 12.12.12.13 is dropped,
  Daphne probes for the peer that protects 12.12.12.13, fred answers, and main mode and quick mode
  follow. The document's show outputs and its debug logs come from two different runs (their SPIs
  differ, and the debug run was too slow to lose only one echo), so both runs are reproduced.

  Scenario: The show run: two pings bring up the discovered tunnel and Daphne shows it as the document does
    Given the lab "ted-doc"
    When host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows ".!!!!"
    When host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows "!!!!!"
    When I run "show crypto isakmp sa" on "Daphne"
    Then the output matches the reference "ted-doc/reference/daphne.show-crypto-isakmp-sa.txt"
    When I run "show crypto ipsec sa" on "Daphne"
    Then the output matches the reference "ted-doc/reference/daphne.show-crypto-ipsec-sa.txt"
    When I run "show crypto map" on "Daphne"
    Then the output matches the reference "ted-doc/reference/daphne.show-crypto-map.txt"
    When I run "show crypto engine connections active" on "Daphne"
    Then the output matches the reference "ted-doc/reference/daphne.show-crypto-engine-connections-active.txt"
    When I run "show crypto map" on "fred"
    Then the output contains "Peer = 11.11.11.1"
    And the output contains "access-list permit ip 12.12.12.0 0.0.0.255 13.13.13.0 0.0.0.255"
    And the output contains "dynamic (created from dynamic map ted-map/10)"

  Scenario: The debug run: with fred as slow as in the document, both routers print the document's complete debug logs
    Given the lab "ted-doc-debug-run"
    When I run "debug crypto isakmp" on "Daphne"
    And I run "debug crypto engine" on "Daphne"
    And I run "debug crypto ipsec" on "Daphne"
    And I run "show debug" on "Daphne"
    Then the output matches the reference "ted-doc/reference/daphne.show-debug.txt"
    When I run "debug crypto isakmp" on "fred"
    And I run "debug crypto engine" on "fred"
    And I run "debug crypto ipsec" on "fred"
    And I run "show debug" on "fred"
    Then the output matches the reference "ted-doc/reference/fred.show-debug.txt"
    When host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows "...!!"
    And the debug log of "Daphne" matches the reference "ted-doc/reference/daphne.debug.txt"
    And the debug log of "fred" matches the reference "ted-doc/reference/fred.debug.txt"
    And the inbound SPI of "Daphne" is the outbound SPI of "fred"
    And the inbound SPI of "fred" is the outbound SPI of "Daphne"
    And "Daphne" and "fred" used the same quick-mode message ID
