Feature: IOS abbreviations and help work as an engineer types them
  Every keyword may be shortened to any unique prefix, in exec and configuration modes.

  Background:
    Given the lab "ted-doc"

  Scenario Outline: "<typed>" runs "<command>"
    When I run "<typed>" on "Daphne"
    Then the output contains "<evidence>"

    Examples:
      | typed          | command                    | evidence                                          |
      | sh run         | show running-config        | crypto map tedtag 10 ipsec-isakmp dynamic ted-map discover |
      | sh ip int br   | show ip interface brief    | FastEthernet0/1 13.13.13.13 YES NVRAM up up        |
      | sh ip ro       | show ip route              | Gateway of last resort is 11.11.11.2 to network 0.0.0.0 |
      | sh ver         | show version               | IOS (tm) C2600 Software (C2600-JK9S-M), Version 12.2(27) |
      | sh access-l    | show access-lists          | Extended IP access list 101                       |

  Scenario: Abbreviated configuration commands change the running configuration
    When I type on "Daphne":
      """
      conf t
      int fa0/1
      desc LAN of Daphne
      end
      sh run int fa0/1
      """
    Then the output contains "Daphne(config-if)#desc LAN of Daphne"
    And the output contains "description LAN of Daphne"

  Scenario: A question mark lists what may follow
    When I type on "Daphne":
      """
      show ip ?
      """
    Then the output contains "route"
    And the output contains "interface"
