Feature: The document's routers load their configurations as IOS 12.2 shows them
  The ted-doc lab is the topology of Cisco's TED configuration guide: Daphne and fred joined by the
  WAN link "wan", each with a LAN host. Their configurations are the document's, verbatim.

  Scenario Outline: show running-config on <router> reproduces the document
    Given the lab "ted-doc"
    When I run "show running-config" on "<router>"
    Then the output matches the reference "ted-doc/reference/<reference>"

    Examples:
      | router | reference                   |
      | Daphne | daphne.running-config.txt   |
      | fred   | fred.running-config.txt     |

  Scenario: Both routers see their connected networks and the default route of the document
    Given the lab "ted-doc"
    When I run "show ip route" on "Daphne"
    Then the output contains "Gateway of last resort is 11.11.11.2 to network 0.0.0.0"
    And the output contains "C 11.11.11.0 is directly connected, FastEthernet0/0"
    And the output contains "C 13.13.13.0 is directly connected, FastEthernet0/1"
    And the output contains "S* 0.0.0.0/0 [1/0] via 11.11.11.2"
    When I run "show ip interface brief" on "fred"
    Then the output matches:
      """
      Interface                  IP-Address      OK? Method Status                Protocol
      FastEthernet0/0            11.11.11.2      YES NVRAM  up                    up
      FastEthernet0/1            12.12.12.12     YES NVRAM  up                    up
      """
