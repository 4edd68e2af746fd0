Feature: show interfaces and show ip interface report what the ports carried
  Every FastEthernet counts the Ethernet frames it receives and sends, with their bytes (header and
  padding included), the broadcasts among them and when the last one passed; the 5-minute rates
  are IOS's exponentially decayed averages over virtual time. `clear counters` asks first and
  starts the figures again from zero. `show ip interface` lists the IP features of each interface
  as its configuration sets them.

  Background:
    Given the lab "ted-doc"
    And I configure "Daphne" with:
      """
      interface FastEthernet0/0
       no crypto map tedtag
      """
    And I configure "fred" with:
      """
      interface FastEthernet0/0
       no crypto map tedtag
      """

  Scenario: A ping's frames are counted on both ports of the router it crosses
    When I run "show interfaces FastEthernet0/1" on "Daphne"
    Then the output contains "Last input never, output never, output hang never"
    And the output contains "0 packets input, 0 bytes"
    When host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows "!!!!!"
    # Five 100-byte echoes each way, each in a 114-byte frame.
    When I run "show interfaces FastEthernet0/1" on "Daphne"
    Then the output contains "5 packets input, 570 bytes"
    And the output contains "Received 0 broadcasts, 0 runts, 0 giants, 0 throttles"
    And the output contains "5 packets output, 570 bytes, 0 underruns"
    And the output contains "Last input 00:00:00, output 00:00:00, output hang never"
    When I run "show interfaces" on "fred"
    Then the output contains "FastEthernet0/0 is up, line protocol is up"
    And the output contains "Hardware is AmdFE, address is 0003.6bb3.ed40 (bia 0003.6bb3.ed40)"
    And the output contains "Internet address is 11.11.11.2/24"

  Scenario: clear counters asks, then starts one interface's figures from zero and logs it
    When host "13.13.13.14" pings "12.12.12.13"
    And 30 seconds pass
    And I run "clear counters FastEthernet0/1" on "Daphne"
    Then the output is exactly:
      """
      Clear "show interface" counters on this interface [confirm]
      """
    And the debug log of "Daphne" contains "%CLEAR-5-COUNTERS: Clear counter on interface FastEthernet0/1 by console"
    When 5 seconds pass
    And I run "show interfaces FastEthernet0/1" on "Daphne"
    Then the output contains "0 packets input, 0 bytes"
    And the output contains "Last clearing of \"show interface\" counters 00:00:05"
    And the output contains "Last input 00:00:35, output 00:00:35, output hang never"
    When I run "show interfaces FastEthernet0/0" on "Daphne"
    Then the output contains "5 packets input, 570 bytes"

  Scenario: clear counters for all interfaces, and answered no, clears nothing
    When host "13.13.13.14" pings "12.12.12.13"
    And I type on "Daphne":
      """
      clear counters
      n
      show interfaces FastEthernet0/0 | include packets input
      """
    Then the output contains "Clear \"show interface\" counters on all interfaces [confirm]"
    And the output contains "5 packets input, 570 bytes"
    When I run "clear counters" on "Daphne"
    And I run "show interfaces | include packets input" on "Daphne"
    Then the output matches:
      """
           0 packets input, 0 bytes
           0 packets input, 0 bytes
      """

  Scenario: The 5-minute rate rises with steady traffic and decays when it stops
    When host "13.13.13.14" pings "12.12.12.13" 2000 times
    And I run "show interfaces FastEthernet0/1 | include minute" on "Daphne"
    Then the output does not contain "5 minute input rate 0 bits/sec"
    When 1800 seconds pass
    And I run "show interfaces FastEthernet0/1 | include minute" on "Daphne"
    Then the output matches:
      """
        5 minute input rate 0 bits/sec, 0 packets/sec
        5 minute output rate 0 bits/sec, 0 packets/sec
      """

  Scenario: A shut interface is administratively down, one whose link is down is down/down
    When I configure "Daphne" with:
      """
      interface FastEthernet0/1
       description LAN of pc-daphne
       shutdown
      """
    And the link "wan" goes down
    And I run "show interfaces description" on "Daphne"
    Then the output matches:
      """
      Interface                      Status         Protocol Description
      Fa0/0                          down           down
      Fa0/1                          admin down     down     LAN of pc-daphne
      """
    When I run "show interfaces FastEthernet0/0" on "Daphne"
    Then the output contains "FastEthernet0/0 is down, line protocol is down"
    When I run "show ip interface FastEthernet0/1" on "Daphne"
    Then the output contains "FastEthernet0/1 is administratively down, line protocol is down"

  Scenario: show ip interface names the applied access lists and the NAT domain
    When I configure "Daphne" with:
      """
      interface FastEthernet0/1
       ip access-group 101 in
       ip nat inside
      """
    And I run "show ip interface FastEthernet0/1" on "Daphne"
    Then the output contains "Internet address is 13.13.13.13/24"
    And the output contains "Outgoing access list is not set"
    And the output contains "Inbound  access list is 101"
    And the output contains "Network address translation is enabled, interface in domain inside"
    When I run "show ip interface brief" on "Daphne"
    Then the output contains "FastEthernet0/1 13.13.13.13 YES NVRAM up up"

  Scenario: An interface the router does not have is refused at its name
    When I run "show interfaces Loopback0" on "Daphne"
    Then the output contains "% Invalid input detected at '^' marker."

  Scenario: A reload starts the counters from zero: the new image has never seen a frame
    When host "13.13.13.14" pings "12.12.12.13"
    And I type on "Daphne":
      """
      reload
      no

      """
    And 50 seconds pass
    And I run "show interfaces FastEthernet0/1" on "Daphne"
    Then the output contains "0 packets input, 0 bytes"
    # The one frame out is the gratuitous ARP that announced the address when the port came up.
    And the output contains "1 packets output, 60 bytes, 0 underruns"
    And the output contains "Last input never, output 00:00:00, output hang never"
    And the output contains "Last clearing of \"show interface\" counters never"

  Scenario: show interfaces is open at the unprivileged prompt, clear counters is not
    When I type on "Daphne":
      """
      disable
      show interfaces FastEthernet0/0 | include is up
      clear counters
      """
    Then the output contains "FastEthernet0/0 is up, line protocol is up"
    And the output contains "% Invalid input detected at '^' marker."
